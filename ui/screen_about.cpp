// About the data: the model's year, the method in three sentences, the caveat that trade flows
// are a reconstruction, why some figures have a range (ensemble), the sources and citations (model
// meta) and every everyday comparison's source (content table).
#include "app_internal.hpp"
#include "number_format.hpp"

#include <algorithm>

namespace ctrail::ui {

void ExhibitApp::Impl::draw_about() {
    const Box c = L.content;
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    const ExhibitMeta& meta = model->meta();
    const bool two_columns = !L.portrait && c.w() > metrics.mm(120);
    const float col_w = two_columns ? (c.w() - L.gap * 2) / 2 : c.w();
    Box left(c.min, ImVec2(c.min.x + col_w, c.max.y));
    Box right = two_columns ? Box(c.max.x - col_w, c.min.y, c.max.x, c.max.y) : left;

    // Sources: the model's citations, then every comparison's source. None is dropped: what does
    // not fit beside the text goes to further pages that use the whole screen, reached with
    // "More sources" under the list.
    std::vector<std::string> items;
    int in_chinese = 0;
    for (std::size_t i = 0; i < meta.citations.size(); ++i) {
        const bool translated = zh() && !meta.citations_zh[i].empty();
        items.push_back(translated ? meta.citations_zh[i] : meta.citations[i]);
        in_chinese += translated;
    }
    if (items.empty() && !meta.source.empty()) items.push_back(meta.source);
    for (const auto& e : content.equivalents) { // several comparisons may share one source
        const std::string& source = zh() ? e.source_zh : e.source_en;
        if (std::find(items.begin(), items.end(), source) != items.end()) continue;
        items.push_back(source);
        in_chinese += zh() && e.source_zh != e.source_en;
    }
    // Mi et al. 2017, which the year switch is compared with (once the years are open), with
    // where our years agree with it: a source and its finding, said at every panel size.
    if (const std::string mi = years_vs_paper(); !mi.empty()) {
        items.push_back(std::string(tr("about.mi_source")) + " " + mi);
        in_chinese += zh();
    }
    const int page = journey.about_page();

    float y = left.min.y;
    if (page == 0) {
        y += runs(head, L.h1, ImVec2(left.min.x, y), left.w(), {{tr("about.title"), theme::text}}) +
             L.pad * 0.3f;
        const ShownFigure year = figure("about.year", meta.year, "year", std::to_string(meta.year));
        const std::string year_line = format_text(tr("about.model_year"), {{"year", year.shown}});
        y += text(fonts.body, L.body, ImVec2(left.min.x, y), theme::coast, year_line.c_str(),
                  left.w()) +
             L.pad;
        record(year);
        // Why some figures come with a range: only said when the model carries ranges.
        std::vector<const char*> paras{tr("about.method"), tr("about.caveat")};
        if (model->has_ranges()) paras.push_back(tr("about.ranges"));
        // Every paragraph is said: at body size where they all fit, else at caption size (a
        // small panel), which is still the sources' size.
        auto height_at = [&](float size) {
            float h = 0;
            for (const char* para : paras)
                h += paragraph(fonts.body, size, ImVec2(0, 0), left.w(), 0, para, false) +
                     L.pad * 0.8f;
            return h;
        };
        const float body = y + height_at(L.body) <= left.max.y ? L.body : L.caption;
        for (const char* para : paras)
            y += paragraph(fonts.body, body, ImVec2(left.min.x, y), left.w(), theme::text, para) +
                 L.pad * 0.8f;
    } else {
        right = c; // a further page of sources: the whole width
    }

    const float size = L.caption;
    const float indent = L.pad;
    const float item_gap = L.pad * 0.45f;
    const float more_h = std::max(metrics.mm(15), L.caption * 2.6f);
    const float heading = measure(head, L.h2, tr("about.sources")).y + L.pad * 0.5f;
    auto heights_for = [&](float width) {
        std::vector<float> h;
        for (const auto& t : items)
            h.push_back(
                paragraph(fonts.caption, size, ImVec2(0, 0), width - indent, 0, t.c_str(), false) +
                item_gap);
        return h;
    };
    // Page 0 holds what fits beside (or under) the text; each further page, at the whole
    // width, what fits above the button.
    const float top0 = (two_columns ? right.min.y : y + L.pad) + heading;
    const std::vector<float> narrow = heights_for(two_columns ? col_w : c.w());
    const std::vector<float> wide = heights_for(c.w());
    float all0 = 0;
    for (float h : narrow) all0 += h;
    std::vector<std::size_t> page_start{0};
    if (top0 + all0 > c.max.y) {
        float room = c.max.y - more_h - L.pad * 0.5f - top0, used = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const float h = page_start.size() == 1 ? narrow[i] : wide[i];
            if (used > 0 && used + h > room) {
                page_start.push_back(i);
                room = c.max.y - more_h - L.pad * 0.5f - (c.min.y + heading);
                used = 0;
            }
            used += page_start.size() == 1 ? narrow[i] : wide[i];
        }
    }
    const int pages = int(page_start.size());
    const int shown = page % pages;
    const std::size_t first = page_start[std::size_t(shown)];
    const std::size_t last = shown + 1 < pages ? page_start[std::size_t(shown) + 1] : items.size();
    float ry = shown == 0 ? top0 - heading : c.min.y;
    ry +=
        text(head, L.h2, ImVec2(right.min.x, ry), theme::text, tr("about.sources")) + L.pad * 0.5f;
    about_pages = pages;
    about_source_count = int(items.size());
    about_sources_in_chinese = in_chinese;
    about_sources.clear();
    for (std::size_t i = first; i < last; ++i) {
        dl->AddCircleFilled(ImVec2(right.min.x + 3, ry + size * 0.6f), 2.5f, theme::muted_text);
        ry += paragraph(fonts.caption, size, ImVec2(right.min.x + indent, ry), right.w() - indent,
                        theme::muted_text, items[i].c_str()) +
              item_gap;
        about_sources += (about_sources.empty() ? "" : ",") + std::to_string(i);
    }
    if (pages > 1) {
        const std::string label =
            format_text(tr("about.more_sources"),
                        {{"page", std::to_string(shown + 1)}, {"pages", std::to_string(pages)}});
        const float w = std::min(right.w(), std::max(col_w, metrics.mm(60)));
        const Box more(right.max.x - w, c.max.y - more_h, right.max.x, c.max.y);
        if (secondary_button("about.more", more, label.c_str(), std::nullopt, false, L.caption))
            journey.set_about_page((shown + 1) % pages);
    }
    if (bottom_bar("next", tr("about.finish"))) end_visit();
}

} // namespace ctrail::ui
