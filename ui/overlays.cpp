// The overlays above every screen: "Resetting in N" and "Start again?". They read the journey and
// change it only through its own calls (and end_visit()); the journey knows nothing of them.
#include "app_internal.hpp"

#include <algorithm>

namespace ctrail::ui {

void ExhibitApp::Impl::overlays(bool blocked_before) {
    const bool counting = journey.counting_down(now);
    const bool confirm = journey.home_confirm();
    if (!(blocked_before || counting || confirm)) return;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    // Without NoBringToFrontOnFocus: ImGui puts such windows at the BACK when created, and the
    // overlay must sit above the canvas (which never comes to the front itself).
    ImGui::Begin("##overlay", nullptr,
                 canvas_window_flags & ~ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImDrawList* saved = dl;
    dl = ImGui::GetWindowDrawList();
    const bool saved_block = input_blocked;
    input_blocked = false;
    // Swallows every touch that does not land on an overlay button.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    const bool outside = ImGui::InvisibleButton("##swallow", size);
    ImGui::SetItemAllowOverlap(); // the card's buttons on top of it still get the touch

    if (counting || confirm) {
        dl->AddRectFilled(ImVec2(0, 0), size, theme::with_alpha(theme::background, 0.78f));
        const float w = std::min(size.x - 2 * L.outer, std::max(L.touch * 7.f, size.x * 0.5f));
        const float h = std::min(size.y - 2 * L.outer,
                                 L.touch * 1.2f + L.h1 * 1.4f + L.body * 1.8f + L.pad * 5);
        Box card(size.x / 2 - w / 2, size.y / 2 - h / 2, size.x / 2 + w / 2, size.y / 2 + h / 2);
        panel_card(card);
        Box in = card.inset(L.pad * 1.5f);
        ImFont* head = fonts.headline ? fonts.headline : fonts.body;
        if (counting) {
            std::string title = format_text(
                tr("idle.resetting"), {{"n", std::to_string(journey.countdown_seconds(now))}});
            float y = in.min.y + in.h() * 0.15f;
            y += text_centred(head, L.h1, Box(in.min.x, y, in.max.x, y + L.h1 * 1.3f), theme::text,
                              title.c_str());
            y += L.pad;
            text_centred(fonts.body, L.body, Box(in.min.x, y, in.max.x, y + L.body * 2.4f),
                         theme::muted_text, tr("idle.touch_to_stay"));
            animate_until(now + 1.0);
        } else {
            float y = in.min.y;
            y += text_centred(head, L.h1, Box(in.min.x, y, in.max.x, y + L.h1 * 1.3f), theme::text,
                              tr("home.confirm_title"));
            text_centred(fonts.body, L.body, Box(in.min.x, y, in.max.x, y + L.body * 1.6f),
                         theme::muted_text, tr("home.confirm_body"));
            const float bh = std::min(L.touch * 1.15f, in.h() * 0.5f);
            const float bw = (in.w() - L.gap) / 2;
            Box no(in.min.x, in.max.y - bh, in.min.x + bw, in.max.y);
            Box yes(in.max.x - bw, in.max.y - bh, in.max.x, in.max.y);
            if (secondary_button("home.no", no, tr("home.confirm_no")))
                journey.cancel_home();
            else if (primary_button("home.yes", yes, tr("home.confirm_yes"), false)) {
                end_visit(VisitEnd::Home);
            } else if (outside && confirm && !counting) {
                journey.cancel_home(); // a tap beside the card: the visitor stays
            }
        }
    }
    input_blocked = saved_block;
    dl = saved;
    ImGui::End();
}

} // namespace ctrail::ui
