#include "content_check.hpp"

#include "app_internal.hpp"
#include "icons.hpp"
#include "text_boxes.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <map>
#include <set>

namespace ctrail::ui {

std::string ContentProblem::text() const {
    return file + ":" + std::to_string(line) + ": " + problem;
}

namespace {

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t") == std::string::npos;
}

std::string lang_name(Lang l) {
    return l == Lang::En ? "English" : "Chinese";
}

ContentProblem key_problem(const Texts& texts, Lang lang, const std::string& key,
                           std::string problem) {
    const TextTable::Origin o = texts.table(lang).origin(key);
    return {o.file, o.line, std::move(problem), key, lang};
}

} // namespace

std::string placeholders_of(const std::string& text) {
    std::set<std::string> names;
    for (const TemplateToken& t : scan_template(text))
        if (t.kind == TemplateToken::Placeholder) names.insert("{" + std::string(t.text) + "}");
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : " ") + n;
    return out;
}

std::vector<ContentProblem> check_tables(const Texts& texts, const Content& content,
                                         const ModelWords& model) {
    std::vector<ContentProblem> out;
    // A key in one language and not the other.
    for (Lang l : {Lang::En, Lang::Zh}) {
        const Lang other = l == Lang::En ? Lang::Zh : Lang::En;
        for (const auto& [key, text] : texts.table(l).entries())
            if (!texts.table(other).find(key))
                out.push_back(key_problem(texts, l, key,
                                          "key '" + key + "' has no " + lang_name(other) +
                                              " text in " + texts.table(other).source() +
                                              " (missing translation)"));
    }
    // The same numbers and names in both languages, or a translation silently drops one.
    for (const auto& [key, en] : texts.table(Lang::En).entries())
        if (const std::string* zh = texts.table(Lang::Zh).find(key))
            if (placeholders_of(en) != placeholders_of(*zh))
                out.push_back(key_problem(texts, Lang::Zh, key,
                                          "key '" + key + "' has the placeholders '" +
                                              placeholders_of(*zh) + "' in Chinese but '" +
                                              placeholders_of(en) +
                                              "' in English (keep the {names} as they are)"));
    // A key the code looks up and neither table has.
    for (const std::string& key : keys_the_code_uses())
        for (Lang l : {Lang::En, Lang::Zh})
            if (!texts.table(l).find(key))
                out.push_back({texts.table(l).source(), 0,
                               "key '" + key + "' is used by the exhibit but missing here", key,
                               l});
    const std::set<std::string> sectors(model.sectors.begin(), model.sectors.end());
    for (const Product& p : content.products) {
        if (!icon_from_name(p.icon))
            out.push_back({content.products_file, p.line,
                           "product '" + p.id + "': unknown icon '" + p.icon +
                               "' (use car, phone, shirt, building, rice_bowl, "
                               "washing_machine or light_bulb)"});
        if (!sectors.empty() && !sectors.count(p.sector))
            out.push_back({content.products_file, p.line,
                           "product '" + p.id + "': unknown sector code '" + p.sector +
                               "' (not a sector of the model; see `ctrail info MODEL`)"});
        for (const auto* name : {&p.name_en, &p.name_zh, &p.short_en, &p.short_zh})
            if (blank(*name))
                out.push_back({content.products_file, p.line,
                               "product '" + p.id + "': a name is empty (missing translation)"});
    }
    for (const Equivalent& e : content.equivalents) {
        if (blank(e.source_en) || blank(e.source_zh))
            out.push_back(
                {content.equivalents_file, e.line,
                 "equivalent '" + e.id + "': no source" +
                     (blank(e.source_en) && blank(e.source_zh)
                          ? std::string()
                          : std::string(" in ") + (blank(e.source_en) ? "English" : "Chinese")) +
                     " (every factor needs its source: the About screen shows it)"});
        if (blank(e.text_en) || blank(e.text_zh))
            out.push_back({content.equivalents_file, e.line,
                           "equivalent '" + e.id + "': a text is empty (missing translation)"});
    }
    return out;
}

namespace {

// The widest of `candidates` at the body size (a placeholder's worst case).
std::string widest(ExhibitApp::Impl& app, const std::vector<std::string>& candidates) {
    std::string best;
    float best_w = -1;
    for (const std::string& c : candidates) {
        const float w = app.measure(app.fonts.body, app.L.body, c.c_str()).x;
        if (w > best_w) best = c, best_w = w;
    }
    return best;
}

// Worst-case values for the placeholders a screen fills in.
struct Samples {
    std::map<std::string, std::string> values[2];
    std::string fill(const std::string& pattern, Lang lang) const {
        std::string result;
        for (const TemplateToken& t : scan_template(pattern)) {
            if (t.kind != TemplateToken::Placeholder) {
                result += t.text;
                continue;
            }
            auto& m = values[int(lang)];
            auto it = m.find(std::string(t.text));
            result += it != m.end() ? it->second : "888,888";
        }
        return result;
    }
};

Samples samples(ExhibitApp::Impl& app, const Texts& texts, const Content& content,
                const ModelWords& model) {
    Samples s;
    for (Lang l : {Lang::En, Lang::Zh}) {
        auto& v = s.values[int(l)];
        const bool zh = l == Lang::Zh;
        const std::string region = widest(app, zh ? model.regions_zh : model.regions_en);
        for (const char* n : {"province", "home", "top1", "top2", "from", "to"}) v[n] = region;
        std::vector<std::string> products;
        for (const Product& p : content.products) products.push_back(zh ? p.short_zh : p.short_en);
        v["product"] = widest(app, products);
        for (const char* n : {"share", "top1_share", "top2_share", "low", "high"}) v[n] = "100%";
        v["value"] = "99.9";
        v["n"] = "1,000";
        v["mt"] = "1,234";
        v["year"] = "2012";
        v["step"] = v["count"] = v["page"] = v["pages"] = "4";
        std::vector<std::string> steps;
        for (const char* k : {"trail.step1", "trail.step2", "trail.step3", "trail.step4"})
            if (const std::string* t = texts.table(l).find(k)) steps.push_back(*t);
        v["what"] = widest(app, steps);
        v["price"] = zh ? "80万元" : "¥800,000";
    }
    return s;
}

ImFont* face(const ExhibitApp::Impl& app, TextFace f) {
    const FontSet& fs = app.fonts;
    switch (f) {
    case TextFace::Hero:
        return fs.hero ? fs.hero : fs.headline ? fs.headline : fs.body;
    case TextFace::Headline:
        return fs.headline ? fs.headline : fs.body;
    case TextFace::Caption:
        return fs.caption ? fs.caption : fs.body;
    case TextFace::Body:
        break;
    }
    return fs.body;
}

char hex_digit(unsigned v) {
    return "0123456789ABCDEF"[v & 15];
}

std::string code_point_name(char32_t c) {
    std::string hex;
    for (int shift = 20; shift >= 0; shift -= 4)
        if (c >> shift || shift < 16) hex += hex_digit(unsigned(c >> shift));
    return "'" + utf8_encode(c) + "' (U+" + hex + ")";
}

// One text to check: where it was read and which box it goes in.
struct Item {
    std::string file;
    int line = 0;
    std::string key; // a text key, or "" for a content cell
    Lang lang = Lang::En;
    std::string box; // a text_boxes key
    std::string text;
    std::string what; // how the message names it
};

} // namespace

std::vector<ContentProblem> check_glyphs_and_fit(const Texts& texts, const Content& content,
                                                 const ModelWords& model,
                                                 const FontFiles& font_files, ImVec2 canvas,
                                                 const std::vector<WhatIfStep>& what_if,
                                                 const std::string& what_if_file) {
    std::vector<Item> items;
    for (Lang l : {Lang::En, Lang::Zh})
        for (const auto& [key, text] : texts.table(l).entries()) {
            const TextTable::Origin o = texts.table(l).origin(key);
            items.push_back({o.file, o.line, key, l, key, text, "key '" + key + "'"});
        }
    for (const Product& p : content.products)
        for (Lang l : {Lang::En, Lang::Zh}) {
            const bool zh = l == Lang::Zh;
            const std::string what = "product '" + p.id + "'";
            items.push_back({content.products_file, p.line, "", l, "product.name",
                             zh ? p.name_zh : p.name_en, what + " name"});
            items.push_back({content.products_file, p.line, "", l, "", zh ? p.short_zh : p.short_en,
                             what + " short name"});
        }
    for (const Equivalent& e : content.equivalents)
        for (Lang l : {Lang::En, Lang::Zh}) {
            const bool zh = l == Lang::Zh;
            const std::string what = "equivalent '" + e.id + "'";
            items.push_back({content.equivalents_file, e.line, "", l, "equivalent.text",
                             zh ? e.text_zh : e.text_en, what + " text"});
            items.push_back({content.equivalents_file, e.line, "", l, "equivalent.source",
                             zh ? e.source_zh : e.source_en, what + " source"});
        }
    // The lever's words: no box of text_boxes.hpp holds them, so characters only.
    for (const WhatIfStep& w : what_if)
        for (Lang l : {Lang::En, Lang::Zh}) {
            const bool zh = l == Lang::Zh;
            const std::string what = "what-if step '" + w.id + "'";
            items.push_back(
                {what_if_file, w.line, "", l, "", zh ? w.label_zh : w.label_en, what + " label"});
            items.push_back(
                {what_if_file, w.line, "", l, "", zh ? w.text_zh : w.text_en, what + " text"});
        }

    std::vector<ContentProblem> out;
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx);
    const Texts* previous_texts = active_texts();
    {
        ExhibitApp::Impl app;
        app.metrics = Metrics::for_framebuffer(int(canvas.x), int(canvas.y));
        std::vector<std::string_view> all;
        for (const Item& i : items) all.push_back(i.text);
        for (const auto* names : {&model.regions_en, &model.regions_zh})
            for (const std::string& n : *names) all.push_back(n);
        app.fonts = load_fonts(ImGui::GetIO(), font_files, app.metrics, all);
        if (!app.fonts.from_file) {
            out.push_back({font_files.regular, 0,
                           "the exhibit fonts cannot be read (" + app.fonts.error +
                               "): characters and lengths not checked"});
        } else {
            set_active_texts(&texts);
            app.compute_layout(canvas);
            for (const auto* names : {&model.regions_en, &model.regions_zh})
                for (const std::string& n : *names)
                    if (n.size() > 1) app.keep_words.push_back(n);
            // Characters: each one the body face lacks (it merges the fallback face).
            for (const Item& i : items) {
                std::set<char32_t> reported;
                for (char32_t c : decode_utf8(i.text)) {
                    if (c < 0x20 || reported.count(c)) continue;
                    if (c <= 0xFFFF && app.fonts.body->FindGlyphNoFallback(ImWchar(c))) continue;
                    reported.insert(c);
                    out.push_back({i.file, i.line,
                                   i.what + " (" + lang_name(i.lang) + "): the character " +
                                       code_point_name(c) +
                                       " is not in the exhibit's fonts, which are subset when "
                                       "the package is built: a package rebuild is needed for it",
                                   i.key, i.lang});
                }
            }
            // Lengths: each text in each of its boxes, placeholders at their widest.
            const Samples sample = samples(app, texts, content, model);
            std::multimap<std::string, TextBox> boxes;
            for (TextBox& b : text_boxes(app.L, app.metrics)) boxes.emplace(b.key, b);
            for (const Item& i : items) {
                auto [from, to] = boxes.equal_range(i.box);
                for (auto it = from; it != to; ++it) {
                    const TextBox& b = it->second;
                    if (b.only_lang >= 0 && b.only_lang != int(i.lang)) continue;
                    // A next button's label is drawn inside button.with_arrow.
                    std::string shown = i.text;
                    if (b.screen == "bottom bar: next button" && b.face == TextFace::Headline)
                        if (const std::string* a = texts.table(i.lang).find("button.with_arrow"))
                            shown = format_text(*a, {{"label", i.text}});
                    shown = sample.fill(shown, i.lang);
                    ImFont* font = face(app, b.face);
                    const float h = app.runs(font, b.size, ImVec2(0, 0), b.width, {{shown, 0}},
                                             b.line_gap, false);
                    int lines = int(h / (b.size * b.line_gap) + 0.5f);
                    // One unbreakable run (a word, a name) wider than the box also overflows.
                    if (lines == 1 &&
                        app.pick(font, b.size)->CalcTextSizeA(b.size, FLT_MAX, 0, shown.c_str()).x >
                            b.width)
                        lines = 2;
                    if (lines <= b.max_lines) continue;
                    char measured[160];
                    std::snprintf(measured, sizeof measured,
                                  "%d lines where the %s has room for %d (%.0f px text in a "
                                  "%.0f px wide box at %dx%d)",
                                  lines, b.screen.c_str(), b.max_lines, double(b.size),
                                  double(b.width), int(canvas.x), int(canvas.y));
                    out.push_back({i.file, i.line,
                                   i.what + " (" + lang_name(i.lang) + ") is too long: " + measured,
                                   i.key, i.lang});
                }
            }
        }
    }
    set_active_texts(previous_texts);
    ImGui::DestroyContext(ctx);
    ImGui::SetCurrentContext(previous);
    return out;
}

} // namespace ctrail::ui
