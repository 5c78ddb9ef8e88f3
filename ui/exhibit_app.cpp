#include "app_internal.hpp"
#include "overrides.hpp"
#include "text_boxes.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace ctrail::ui {

float Ease::in_out(double now, double start, double duration) {
    if (duration <= 0) return 1.f;
    double t = (now - start) / duration;
    if (t <= 0) return 0.f;
    if (t >= 1) return 1.f;
    return float(t < 0.5 ? 2 * t * t : 1 - std::pow(-2 * t + 2, 2) / 2);
}

ExhibitApp::ExhibitApp(AppConfig config) : impl_(std::make_unique<Impl>()) {
    impl_->config = std::move(config);
    impl_->journey = Journey(JourneyConfig{impl_->config.idle_timeout_s, impl_->config.countdown_s,
                                           impl_->config.language});
    impl_->visits = VisitObserver(impl_->config.visit_events);
}

ExhibitApp::~ExhibitApp() {
    set_active_texts(nullptr);
}

void ExhibitApp::Impl::log(int level, const std::string& message) const {
    if (config.log) {
        config.log(level, message);
        return;
    }
    const char* name = level <= 3   ? "error"
                       : level == 4 ? "warning"
                       : level >= 7 ? "debug"
                                    : "info";
    std::fprintf(stderr, "carbontrail: %s: %s\n", name, message.c_str());
}

void ExhibitApp::Impl::become_unavailable(const std::string& reason) {
    log(3, "exhibit unavailable: " + reason);
    if (state.unavailable_reason.empty()) state.unavailable_reason = reason;
    journey.set_unavailable();
}

bool ExhibitApp::load(ImVec2 canvas) {
    Impl& d = *impl_;
    const int w = int(canvas.x), h = int(canvas.y);
    d.metrics = (d.config.panel_width_mm > 0 && d.config.panel_height_mm > 0)
                    ? Metrics(PanelSize{d.config.panel_width_mm, d.config.panel_height_mm}, w, h)
                    : Metrics::for_framebuffer(w, h);
    apply_exhibit_style(ImGui::GetStyle(), d.metrics);

    // Texts first: even the "unavailable" screen needs them.
    try {
        d.texts = Texts::load_dir(d.config.paths.text);
        // A truncated or damaged table still parses: what it lost is a key the screens use.
        for (const std::string& key : keys_the_code_uses())
            for (Lang l : {Lang::En, Lang::Zh})
                if (!d.texts.has(l, key))
                    throw TextError(d.config.paths.text + "/" + std::string(lang_code(l)) + ".tsv",
                                    0, "key '" + key + "' is used by the exhibit but missing");
    } catch (const std::exception& e) {
        // Without its words the exhibit would show "[key]" everywhere: rest instead.
        d.become_unavailable(e.what());
    }
    set_active_texts(&d.texts);

    try {
        d.content = load_content(d.config.paths.content);
    } catch (const std::exception& e) {
        d.become_unavailable(e.what());
    }
    try {
        d.map_asset = MapAsset::load(d.config.paths.map);
        d.map_view = std::make_unique<MapView>(*d.map_asset);
    } catch (const std::exception& e) {
        d.become_unavailable(e.what());
    }
    try {
        d.model = ctrail::ExhibitModel::open(d.config.paths.model);
    } catch (const std::exception& e) {
        d.become_unavailable(std::string("cannot open the model: ") + e.what());
    }

    if (d.model &&
        (!d.config.paths.text_override.empty() || !d.config.paths.content_override.empty()))
        d.apply_curator_overrides();
    if (d.model) d.load_what_if_steps();

    // Names the screens can show, so the font atlas holds their glyphs.
    std::vector<std::string> extra(resting_words());
    if (d.model) {
        for (const auto& r : d.model->regions()) {
            extra.push_back(r.name_en);
            extra.push_back(r.name_zh);
            extra.push_back(r.group);
        }
        const ExhibitMeta& meta = d.model->meta();
        extra.push_back(meta.source);
        extra.push_back(meta.caveat);
        for (const auto& c : meta.citations) extra.push_back(c);
        for (const auto& c : meta.citations_zh) extra.push_back(c);
        // Path texts are built from sector words; include the sector names and words.
        for (const auto& s : d.model->sectors()) {
            extra.push_back(s.name_en);
            extra.push_back(s.name_zh);
        }
    }
    for (const auto& p : d.content.products)
        for (const std::string* s : {&p.name_en, &p.name_zh, &p.short_en, &p.short_zh})
            extra.push_back(*s);
    for (const auto& e : d.content.equivalents)
        for (const std::string* s : {&e.text_en, &e.text_zh, &e.source_en, &e.source_zh})
            extra.push_back(*s);
    for (const auto& w : d.what_if_steps)
        for (const std::string* s : {&w.label_en, &w.label_zh, &w.text_en, &w.text_zh})
            extra.push_back(*s);
    if (d.map_asset)
        for (const auto& p : d.map_asset->provinces()) {
            extra.push_back(p.name_en);
            extra.push_back(p.name_zh);
        }
    // Path texts come from the engine's word table: its characters are listed in a content
    // file (also read by the font subsetter).
    {
        std::ifstream words(d.config.paths.content + "/engine-words.tsv");
        for (std::string line; std::getline(words, line);)
            if (!line.empty() && line[0] != '#') extra.push_back(line);
    }
    std::vector<std::string_view> texts = d.texts.all_texts();
    for (const auto& s : extra) texts.push_back(s);
    ImGuiIO& io = ImGui::GetIO();
    d.fonts = load_fonts(io, d.config.paths.fonts, d.metrics, texts,
                         {"千克", "吨", "≈", "kg", "t", "%", "CO₂"});
    if (!d.fonts.error.empty()) d.log(4, "font: " + d.fonts.error);

    if (d.model && d.map_asset) {
        const auto& provinces = d.map_asset->provinces();
        d.map_to_model.assign(provinces.size(), -1);
        d.model_to_map.assign(d.model->regions().size(), -1);
        for (std::size_t i = 0; i < provinces.size(); ++i) {
            int r = d.model->find_region(provinces[i].code);
            if (r >= 0 && !d.model->regions()[r].external) {
                d.map_to_model[i] = r;
                d.model_to_map[r] = int(i);
            }
        }
        for (const ExhibitRegion& r : d.model->regions())
            for (const std::string* name : {&r.name_zh, &r.name_en})
                if (name->size() > 1 &&
                    (name == &r.name_zh || name->find(' ') != std::string::npos))
                    d.keep_words.push_back(*name);
        if (!d.config.home_region.empty()) {
            d.home = d.model->find_region(d.config.home_region);
            if (d.home < 0 || d.model->regions()[d.home].external) {
                d.log(4, "home region '" + d.config.home_region +
                             "' is not a province of the model; no province is listed first");
                d.home = -1;
            }
        }
        for (const auto& p : d.content.products)
            if (d.model->find_sector(p.sector) < 0)
                d.become_unavailable(d.config.paths.content + "/products.tsv: product '" + p.id +
                                     "' names sector '" + p.sector +
                                     "', which the model does not have");
        // open() leaves the model's tables and LU factors unread: the big picture reads them
        // here, on the worker, before any visit, so a visitor's first trace or What if? does
        // not wait for them.
        d.big_job.start(d.worker, [m = d.model] { return m->big_picture(); });
        d.years.setup(d.config.paths.years, d.model,
                      [&d](int level, const std::string& m) { d.log(level, m); });
        // Every year opens now, on the worker after the big picture: a damaged year is logged
        // at start (not at a visitor's first big picture), the first big picture does not wait
        // for two model opens, and the memory they leave behind is settled before any visit.
        if (d.years.enabled()) d.years.open_all(d.worker);
    }
    d.state.language = d.journey.language();
    d.state.screen = d.journey.screen();
    d.texts.set_language(d.lang());
    if (d.journey.screen() != Screen::Unavailable)
        d.log(6, "exhibit ready: model " + d.config.paths.model + " (" +
                     std::to_string(d.model->regions().size()) + " regions, " +
                     std::to_string(d.model->sectors().size()) + " sectors)");
    // Said once: an older or range-less model simply shows no range line on the trail.
    if (d.journey.screen() != Screen::Unavailable && !d.model->has_ranges())
        d.log(5, "model has no ensemble ranges (schema version " +
                     std::to_string(d.model->schema_version()) + "): no range line on the trail");
    return d.journey.screen() != Screen::Unavailable;
}

void ExhibitApp::Impl::apply_curator_overrides() {
    ModelWords words;
    for (const auto& s : model->sectors()) words.sectors.push_back(s.code);
    for (const auto& r : model->regions()) {
        if (r.external) continue; // placeholders name provinces only
        words.regions_en.push_back(r.name_en);
        words.regions_zh.push_back(r.name_zh);
    }
    const OverrideOutcome o = apply_overrides(
        texts, content,
        {config.paths.text_override, config.paths.content_override, config.paths.content}, words,
        config.paths.fonts);
    set_active_texts(&texts);
    for (const ContentProblem& p : o.ignored)
        log(4, "curator override ignored: " + p.text() + "; the packaged text is used");
    log(6, "curator override: " + std::to_string(o.texts_taken) + " texts" +
               (o.content_taken ? " and the content tables" : "") + " taken from " +
               config.paths.text_override + " " + config.paths.content_override);
}

const ExhibitRegion* ExhibitApp::Impl::region(int i) const {
    if (!model || i < 0 || i >= int(model->regions().size())) return nullptr;
    return &model->regions()[i];
}

std::string ExhibitApp::Impl::region_name(int i) const {
    const ExhibitRegion* r = region(i);
    if (!r) return "";
    return zh() && !r->name_zh.empty() ? r->name_zh : r->name_en;
}

int ExhibitApp::Impl::model_region(const std::string& code) const {
    return model ? model->find_region(code) : -1;
}

const Product* ExhibitApp::Impl::product() const {
    return content.find_product(journey.product());
}

void ExhibitApp::Impl::start_trace() {
    const Product* p = product();
    if (!p || !model) return;
    ExhibitTraceOptions options;
    // Enough chains for the map's province-to-province arcs (the panel lists the top few).
    options.max_paths = 80;
    options.threshold = 0.0001; // the chains that travel are small: list at least three
    options.product_en = p->short_en;
    if (!options.product_en.empty())
        options.product_en[0] = char(std::toupper((unsigned char)options.product_en[0]));
    options.product_zh = p->short_zh;
    const std::string region = journey.region(), sector = p->sector;
    const double amount = p->price_yuan;
    trace.reset();
    trace_failed = false;
    trace_request = region + "/" + p->id;
    trace_job.start(worker, [m = model, region, sector, amount, options] {
        return m->trace(region, sector, amount, options);
    });
}

void ExhibitApp::Impl::poll_jobs() {
    if (auto b = big_job.poll()) {
        if (b->value)
            big = std::move(*b->value);
        else {
            log(3, "big picture failed: " + b->error);
            big_failed = true;
        }
    }
    if (years.poll([this](int level, const std::string& m) { log(level, m); }))
        transition_until(now + 0.6);
    if (auto t = trace_job.poll()) {
        // The engine refuses a bad request with t.error; a throw arrives as the slot's error.
        const std::string error = t->value ? t->value->error : t->error;
        if (!error.empty()) {
            log(3, "trace " + trace_request + " failed: " + error);
            trace_failed = true;
        } else {
            trace = std::move(*t->value);
            const auto& regions = model->regions();
            const auto& sectors = model->sectors();
            trace_ranges = model->trace_ranges(regions[std::size_t(trace->region)].code,
                                               sectors[std::size_t(trace->sector)].code);
            trace_at = now;
            step_at = now;
            transition_until(now + 1.6);
        }
    }
    poll_what_if();
}

bool ExhibitApp::Impl::visit_in_progress() const {
    const Screen sc = journey.screen();
    return sc != Screen::Unavailable && (sc != Screen::Attract || journey.awake());
}

void ExhibitApp::Impl::end_visit(VisitEnd why) {
    visits.end(why, now);
    journey.reset();
    trace_job.cancel();
    trace.reset();
    trace_failed = false;
    trace_request.clear();
    what_if_job.cancel();
    what_if_results.clear();
    what_if_key.clear();
    what_if_asked = what_if_shown = what_if_before = -1;
    what_if_failed = false;
    notice_until = 0;
    years.reset();
}

void ExhibitApp::Impl::fit_map(Box area) {
    if (!map_view) return;
    if (area.min.x != map_fitted.min.x || area.min.y != map_fitted.min.y ||
        area.max.x != map_fitted.max.x || area.max.y != map_fitted.max.y) {
        map_view->fit(area.min, area.max, true);
        map_fitted = area;
    }
}

void ExhibitApp::frame(double now_s) {
    Impl& d = *impl_;
    d.now = now_s;
    if (d.first_frame) { // the exhibit fades in from the background when it starts
        d.first_frame = false;
        d.screen_at = now_s;
        d.transition_until(now_s + 0.6);
    }
    d.last_targets.swap(d.targets);
    d.targets.clear();
    d.state.figures.clear();
    d.labels = {};
    d.poll_jobs();
    d.poll_admin_jobs();

    ImGuiIO& io = ImGui::GetIO();
    if (d.display_off) { // outside the opening hours: black, and no other work
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##canvas", nullptr, canvas_window_flags);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize,
                                                  IM_COL32(0, 0, 0, 255));
        ImGui::End();
        d.state.display_off = true;
        d.state.time_s = d.now;
        return;
    }
    d.state.display_off = false;
    d.admin_input();
    const bool admin = d.admin.active();
    // Overlays that swallow touches are decided before the touch is counted, so the touch that
    // cancels the countdown reaches nothing underneath. Waking the attract screen is not
    // swallowed: a touch on its start or language button acts at once.
    const bool blocked = !admin && (d.journey.counting_down(d.now) || d.journey.home_confirm());
    if (!admin && io.MouseClicked[0]) d.journey.touch(d.now);
    if (!admin && d.journey.update(d.now)) {
        d.log(6, "idle: reset to the attract screen");
        d.end_visit(VisitEnd::Idle);
    }
    d.texts.set_language(d.lang());

    if (d.journey.screen() != d.last_screen) {
        d.last_screen = d.journey.screen();
        d.screen_at = d.now;
        d.transition_until(d.now + 0.6);
    }
    if (d.journey.trail_step() != d.last_step) {
        d.last_step = d.journey.trail_step();
        d.step_at = d.now;
        d.transition_until(d.now + 1.6);
    }

    d.compute_layout(io.DisplaySize);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##canvas", nullptr, canvas_window_flags);
    d.dl = ImGui::GetWindowDrawList();
    d.dl->AddRectFilled(ImVec2(0, 0), io.DisplaySize, theme::background);
    d.input_blocked = blocked || (admin && d.admin.wait_release);
    if (admin)
        d.draw_admin();
    else
        switch (d.journey.screen()) {
        case Screen::Unavailable:
            d.draw_unavailable();
            break;
        case Screen::Attract:
            d.draw_attract();
            break;
        case Screen::Region:
            d.draw_region();
            break;
        case Screen::Product:
            d.draw_product();
            break;
        case Screen::Trail:
            d.draw_trail();
            break;
        case Screen::WhatIf:
            d.draw_what_if();
            break;
        case Screen::BigPicture:
            d.draw_big_picture();
            break;
        case Screen::About:
            d.draw_about();
            break;
        }
    // A soft fade from the background on every screen change.
    float fade = admin ? 1.f : Ease::in_out(d.now, d.screen_at, 0.4);
    if (fade < 1)
        d.dl->AddRectFilled(ImVec2(0, 0), io.DisplaySize,
                            theme::with_alpha(theme::background, 1 - fade));
    ImGui::End();
    if (!admin) d.overlays(blocked);
    d.visits.observe(d.journey, d.now);

    ExhibitState& s = d.state;
    s.screen = d.journey.screen();
    s.language = d.journey.language();
    s.awake = d.journey.awake();
    s.region = d.journey.region();
    s.product = d.journey.product();
    const Product* p = d.product();
    s.sector = p ? p->sector : "";
    s.amount_yuan = p ? p->price_yuan : 0;
    s.trail_stage = d.journey.trail_step();
    s.trail_stage_count = s.screen == Screen::Trail ? d.journey.trail_steps() : 0;
    s.trace_pending = d.trace_job.busy();
    if (s.screen != Screen::BigPicture) s.year_importers.clear();
    s.year_shown = d.years.shown();
    s.year_chosen = d.years.chosen();
    s.years.clear();
    for (int y : d.years.buttons()) s.years += (s.years.empty() ? "" : " ") + std::to_string(y);
    s.home_confirm = d.journey.home_confirm();
    s.region_page = d.journey.region_page();
    s.notice = d.now < d.notice_until ? d.notice : "";
    const bool about = s.screen == Screen::About;
    s.about_page = about ? d.journey.about_page() : 0;
    s.about_pages = about ? d.about_pages : 0;
    s.about_sources = about ? d.about_sources : "";
    s.about_source_count = about ? d.about_source_count : 0;
    s.about_sources_in_chinese = about ? d.about_sources_in_chinese : 0;
    s.idle_countdown = d.journey.counting_down(d.now);
    s.countdown_seconds = d.journey.countdown_seconds(d.now);
    s.time_s = d.now;
    if (s.screen != Screen::Trail) s.headline.clear();
    if (s.screen != Screen::WhatIf) s.what_if_caveat.clear();
    s.lever = d.journey.lever();
    s.lever_step = s.lever < int(d.what_if_steps.size()) ? d.what_if_steps[s.lever].id : "";
    s.what_if_pending = d.what_if_job.busy();
    s.responsibility = d.journey.consumption_view() ? "consumption" : "territorial";
    s.admin = admin_page_name(d.admin.page);
    s.admin_wait = int(std::ceil(d.admin.backoff.seconds_left(d.now)));
    s.admin_result = d.admin.result;
    s.admin_message = d.admin.message ? d.admin.message : "";
}

void ExhibitApp::set_display_off(bool off) {
    Impl& d = *impl_;
    if (off == d.display_off) return;
    d.display_off = off;
    d.log(6, off ? "display off: outside the opening hours" : "display on: the opening hours");
    if (off) {
        if (d.admin.active()) d.leave_admin();
        if (d.visit_in_progress()) d.end_visit(VisitEnd::Closing);
    } else {
        d.screen_at = d.now; // fades in like a start
        d.transition_until(d.now + 0.6);
    }
}

const ExhibitState& ExhibitApp::state() const {
    return impl_->state;
}

std::optional<Box> ExhibitApp::target(std::string_view id) const {
    auto it = impl_->targets.find(id);
    if (it == impl_->targets.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> ExhibitApp::target_ids() const {
    std::vector<std::string> ids;
    ids.reserve(impl_->targets.size());
    for (const auto& t : impl_->targets) ids.push_back(t.first);
    return ids;
}

bool ExhibitApp::settled() const {
    const Impl& d = *impl_;
    return !engine_busy() && d.now >= d.busy_until;
}

bool ExhibitApp::engine_busy() const {
    const Impl& d = *impl_;
    return d.trace_job.busy() || d.big_job.busy() || d.what_if_job.busy() || d.years.busy() ||
           d.admin.pin_job.busy() || d.admin.action_job.busy();
}

bool ExhibitApp::drawn() const {
    const Impl& d = *impl_;
    return !d.first_frame && !engine_busy() && d.now >= d.transitions_until;
}

} // namespace ctrail::ui
