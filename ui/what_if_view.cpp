// The what-if lever's data and the pieces its screens draw: the curator's steps (checked against
// the model), the engine's figures per step computed on the worker one step at a time (the
// screens keep showing the last step that arrived), the lever's buttons and the province bubbles
// that shrink or grow with it. The numbers all come from ExhibitModel::what_if.
#include "app_internal.hpp"
#include "number_format.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace ctrail::ui {

void ExhibitApp::Impl::load_what_if_steps() {
    what_if_steps.clear();
    auto load = [&](const std::string& path) {
        std::vector<WhatIfStep> steps = load_what_if(path);
        check_what_if(steps, path, [&](const std::vector<std::string>& specs) {
            return model->check_scales(specs);
        });
        return steps;
    };
    const std::string packaged = config.paths.content + "/what_if.tsv";
    const std::string override_path =
        config.paths.content_override.empty() ? "" : config.paths.content_override + "/what_if.tsv";
    std::error_code ec;
    if (!override_path.empty() && std::filesystem::is_regular_file(override_path, ec)) {
        try {
            what_if_steps = load(override_path);
            log(6, "curator override: the what-if lever taken from " + override_path);
            return;
        } catch (const std::exception& e) {
            log(4, std::string("curator override ignored: ") + e.what() +
                       "; the packaged lever is used");
        }
    }
    try {
        what_if_steps = load(packaged);
    } catch (const std::exception& e) {
        // The lever is an extra: without a usable table the visit goes from the trail to the
        // big picture, as before it existed.
        log(3, std::string("what-if lever hidden: ") + e.what());
    }
}

ShownFigure ExhibitApp::Impl::cut_figure(std::string id, double from, double to) {
    const double c = from > 0 ? std::max(0.0, 1 - to / from) : 0;
    return figure(std::move(id), c, "share", format_percent(c));
}

const WhatIf* ExhibitApp::Impl::what_if_result(int step) const {
    auto it = what_if_results.find(step);
    return it == what_if_results.end() ? nullptr : &it->second;
}

void ExhibitApp::Impl::poll_what_if() {
    if (auto o = what_if_job.poll()) {
        const std::string id = what_if_asked >= 0 && what_if_asked < int(what_if_steps.size())
                                   ? what_if_steps[std::size_t(what_if_asked)].id
                                   : "?";
        what_if_asked = -1;
        const std::string error = o->value ? o->value->second.error : o->error;
        if (!error.empty()) {
            log(3, "what if '" + id + "' failed: " + error);
            what_if_failed = true;
        } else {
            what_if_results[o->value->first] = std::move(o->value->second);
        }
    }
    const Screen sc = journey.screen();
    if (what_if_steps.empty() || !model || (sc != Screen::WhatIf && sc != Screen::BigPicture))
        return;
    const Product* p = product();
    const std::string key = journey.region() + "/" + (p ? p->id : "");
    if (key != what_if_key) { // another visitor or product: nothing computed applies
        what_if_job.cancel();
        what_if_results.clear();
        what_if_key = key;
        what_if_asked = what_if_shown = what_if_before = -1;
        what_if_failed = false;
    }
    const int want = std::min(journey.lever(), int(what_if_steps.size()) - 1);
    if (!what_if_failed && !what_if_job.busy()) {
        // Today first: every "after" is read against it.
        const int need = !what_if_results.count(0) ? 0 : !what_if_results.count(want) ? want : -1;
        if (need >= 0) {
            WhatIfRequest request;
            request.scales = what_if_steps[std::size_t(need)].scales;
            if (p) {
                request.region = journey.region();
                request.sector = p->sector;
                request.amount_yuan = p->price_yuan;
            }
            what_if_asked = need;
            what_if_job.start(worker, [m = model, request, need] {
                return WhatIfOutcome{need, m->what_if(request)};
            });
        }
    }
    if (what_if_results.count(want) && want != what_if_shown) {
        what_if_before = what_if_shown < 0 ? want : what_if_shown;
        what_if_shown = want;
        what_if_at = now;
        transition_until(now + 0.9);
    }
}

bool ExhibitApp::Impl::choice_button(const char* id, Box b, const std::string& label,
                                     bool selected) {
    const bool tapped = hit(id, b);
    const float r = metrics.corner_radius() * 1.5f;
    dl->AddRectFilled(b.min, b.max,
                      selected ? theme::mix(theme::panel, theme::coast, 0.22f) : theme::panel, r);
    dl->AddRect(b.min, b.max, selected ? theme::coast : theme::with_alpha(theme::muted_text, 0.3f),
                r, 0, selected ? std::max(2.f, metrics.mm(0.6f)) : 1.5f);
    // The label wraps inside the button, shrinking (down to the 16 px floor) until it fits.
    const Box inner = b.inset(L.pad * 0.4f, L.pad * 0.2f);
    float size = L.body;
    for (; size > 16.f; size -= 1.f)
        if (paragraph(fonts.body, size, inner.min, inner.w(), 0, label.c_str(), false) <= inner.h())
            break;
    const ImU32 colour = selected ? theme::text : theme::muted_text;
    if (measure(fonts.body, size, label.c_str()).x <= inner.w()) {
        text_centred(fonts.body, size, inner, colour, label.c_str());
    } else {
        const float h = paragraph(fonts.body, size, inner.min, inner.w(), 0, label.c_str(), false);
        paragraph(fonts.body, size, ImVec2(inner.min.x, b.centre().y - h / 2), inner.w(), colour,
                  label.c_str());
    }
    return tapped && !selected;
}

bool ExhibitApp::Impl::draw_lever(Box b, const char* id_prefix) {
    const int n = int(what_if_steps.size());
    if (n == 0) return false;
    const float gap = std::max(L.gap * 0.5f, metrics.mm(2.f));
    const float w = (b.w() - gap * float(n - 1)) / float(n);
    bool chosen = false;
    for (int i = 0; i < n; ++i) {
        const WhatIfStep& s = what_if_steps[std::size_t(i)];
        const Box bi(ImVec2(b.min.x + float(i) * (w + gap), b.min.y),
                     ImVec2(b.min.x + float(i) * (w + gap) + w, b.max.y));
        const std::string id = std::string(id_prefix) + std::to_string(i);
        if (choice_button(id.c_str(), bi, zh() ? s.label_zh : s.label_en, journey.lever() == i)) {
            journey.set_lever(i);
            chosen = true;
        }
    }
    return chosen;
}

void ExhibitApp::Impl::draw_bubbles(const std::vector<RegionAccount>* from,
                                    const std::vector<RegionAccount>& to, float t, bool consumption,
                                    double reference_kg,
                                    const std::vector<RegionAccount>* outline) {
    if (!map_view || !(reference_kg > 0)) return;
    // Area to scale: the largest bubble (the reference) is ~7% of the map's shorter side wide.
    const float r_max = std::min(map_fitted.w(), map_fitted.h()) * 0.07f;
    auto kg_of = [consumption](const RegionAccount& a) {
        return consumption ? a.consumption_kg : a.territorial_kg;
    };
    auto radius = [&](double kg) {
        return r_max * float(std::sqrt(std::max(kg, 0.0) / reference_kg));
    };
    for (std::size_t r = 0; r < to.size() && r < model_to_map.size(); ++r) {
        if (model_to_map[r] < 0) continue;
        const ImVec2 c = map_view->anchor(model_to_map[r]);
        double kg = kg_of(to[r]);
        if (from && r < from->size()) kg = kg_of((*from)[r]) + (kg - kg_of((*from)[r])) * t;
        const ExhibitRegion* reg = region(int(r));
        const ImU32 col = reg && reg->coastal ? theme::coast : theme::interior;
        const float rad = radius(kg);
        dl->AddCircleFilled(c, rad, theme::with_alpha(col, 0.55f));
        dl->AddCircle(c, rad, col, 0, 1.5f);
        if (outline && r < outline->size()) { // today's size, where the step changed it
            const float o = radius(kg_of((*outline)[r]));
            if (o - rad > 1.5f) dl->AddCircle(c, o, theme::with_alpha(theme::text, 0.55f), 0, 1.f);
        }
    }
}

} // namespace ctrail::ui
