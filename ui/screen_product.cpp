// What did you buy? 6–8 cards (content table): a drawn icon, a name and a typical price.
// Choosing one starts the trace off the UI thread and opens the trail.
#include "app_internal.hpp"
#include "number_format.hpp"

#include <algorithm>
#include <cmath>

namespace ctrail::ui {

void ExhibitApp::Impl::draw_product() {
    const Box c = L.content;
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    float y = c.min.y;
    const int home = model_region(journey.region());
    // "You live in Shanghai." in the coast colour, then the question.
    std::string lives = format_text(tr("where.you_live_in"), {{"province", region_name(home)}});
    y += text(fonts.body, L.body, ImVec2(c.min.x, y), theme::coast, lives.c_str()) + L.pad * 0.3f;
    y += runs(head, L.h1, ImVec2(c.min.x, y), c.w(), {{tr("what.title"), theme::text}});
    y += L.gap * 0.8f;

    const auto& products = content.products;
    const int n = int(products.size());
    const int cols = L.portrait ? 2 : std::min(4, n);
    const int rows = (n + cols - 1) / cols;
    const float g = L.gap * 0.8f;
    const float cw = (c.w() - (cols - 1) * g) / cols;
    const float ch = std::max(L.touch, std::min((c.max.y - y - (rows - 1) * g) / rows, cw * 0.62f));
    // Large cards get larger words.
    const bool large = cw > metrics.mm(60);
    const float name_size = large ? L.h2 : L.body, price_size = large ? L.body : L.caption;
    ImFont* name_font = large ? head : fonts.body;
    // The grid sits in the middle of the space above the bar.
    y += std::max(0.f, (c.max.y - y) - (rows * ch + (rows - 1) * g)) * 0.5f;
    for (int i = 0; i < n; ++i) {
        const Product& p = products[i];
        const int col = i % cols, row = i / cols;
        // The last row is centred when it is not full.
        const int in_row = std::min(cols, n - row * cols);
        const float x0 = c.min.x + (c.w() - (in_row * cw + (in_row - 1) * g)) / 2 + col * (cw + g);
        Box b(x0, y + row * (ch + g), x0 + cw, y + row * (ch + g) + ch);
        const std::string id = "product." + p.id;
        const bool tapped = hit(id.c_str(), b);
        const bool held = ImGui::IsItemActive() && !input_blocked;
        dl->AddRectFilled(b.min, b.max,
                          held ? theme::mix(theme::panel, theme::text, 0.12f) : theme::panel,
                          metrics.corner_radius() * 1.5f);
        // Icon on the left, words on the right (wide cards) or icon above (tall cards).
        const Box in = b.inset(L.pad * 0.8f);
        const bool side = large && in.w() > in.h() * 1.4f;
        const float isz = side ? std::min(in.h() * 0.6f, in.w() * 0.25f)
                               : std::min(in.h() * 0.36f, in.w() * 0.4f);
        const auto icon = icon_from_name(p.icon);
        const ImVec2 ic = side ? ImVec2(in.min.x + isz / 2, in.centre().y)
                               : ImVec2(in.min.x + isz / 2, in.min.y + isz / 2);
        if (icon) draw_icon(dl, *icon, ic, isz, theme::coast, icon_stroke(isz));
        const std::string& name = zh() ? p.name_zh : p.name_en;
        const ShownFigure price = figure(
            "product." + p.id + ".price", p.price_yuan, "yuan",
            format_text(tr("what.price"),
                        {{"price", zh() ? format_yuan(p.price_yuan, tr("number.ten_thousand"),
                                                      tr("number.yuan"))
                                        : format_yuan(p.price_yuan)}}));
        const float tx = side ? in.min.x + isz + L.pad : in.min.x;
        const float tw = in.max.x - tx;
        const ImVec2 ns = measure(name_font, name_size, name.c_str(), tw);
        const ImVec2 ps = measure(fonts.caption, price_size, price.shown.c_str(), tw);
        float ty = side ? in.centre().y - (ns.y + ps.y + 4) / 2 : in.max.y - ns.y - ps.y - 4;
        ty = std::max(ty, side ? in.min.y : ic.y + isz / 2 + 2);
        text(name_font, name_size, ImVec2(tx, ty), theme::text, name.c_str(), tw);
        text(fonts.caption, price_size, ImVec2(tx, ty + ns.y + 4), theme::muted_text,
             price.shown.c_str(), tw);
        record(price);
        if (tapped) {
            journey.choose_product(p.id, kTrailSteps);
            log(6, "product chosen: " + p.id);
            start_trace();
        }
    }
    bottom_bar("", nullptr);
}

} // namespace ctrail::ui
