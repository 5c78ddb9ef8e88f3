// Shown when the exhibit cannot run (no model, a broken content table or map): calm, in both
// languages, no controls, no error text (the reason goes to the log for the technician).
#include "app_internal.hpp"

#include <cmath>

namespace ctrail::ui {

namespace {
// The same sentences as assets/text/*.tsv (unavailable.title, unavailable.ask_staff).
const char* const kResting[2][2] = {{"This exhibit is resting.", "Please ask a member of staff."},
                                    {"展品正在休息。", "请联系工作人员。"}};

const char* resting_text(const Texts& texts, Lang lang, int line) {
    const char* key = line == 0 ? "unavailable.title" : "unavailable.ask_staff";
    return texts.has(lang, key) ? texts.tr(lang, key) : kResting[lang == Lang::En ? 0 : 1][line];
}
} // namespace

const std::vector<std::string>& resting_words() {
    static const std::vector<std::string> words = {kResting[0][0], kResting[0][1], kResting[1][0],
                                                   kResting[1][1]};
    return words;
}

void ExhibitApp::Impl::draw_unavailable() {
    const Box c = L.canvas;
    const float w = std::min(c.w() - 2 * L.outer, L.h1 * 22);
    const float x = c.centre().x - w / 2;
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    // A slowly breathing dot: the exhibit is alive, just resting (period 4 s, no flashing).
    const float breath = 0.5f + 0.5f * std::sin(float(now) * 6.2832f / 4.f);
    const float r = L.h1 * 0.35f;
    float y = c.min.y + c.h() * 0.22f;
    dl->AddCircleFilled(ImVec2(c.centre().x, y), r * (0.8f + 0.2f * breath),
                        theme::with_alpha(theme::coast, 0.5f + 0.3f * breath));
    y += r * 2 + L.gap;
    const Lang order[2] = {lang(), lang() == Lang::En ? Lang::Zh : Lang::En};
    for (int i = 0; i < 2; ++i) {
        const float hs = i == 0 ? L.h1 : L.h2;
        const ImU32 col = i == 0 ? theme::text : theme::muted_text;
        const char* t1 = resting_text(texts, order[i], 0);
        const char* t2 = resting_text(texts, order[i], 1);
        y += text_centred(head, hs, Box(x, y, x + w, y + hs * 1.25f), col, t1) + L.pad * 0.5f;
        y += text_centred(fonts.body, L.body, Box(x, y, x + w, y + L.body * 1.4f), col, t2);
        y += L.gap * 2;
    }
    animate_until(now); // nothing to wait for
}

} // namespace ctrail::ui
