// About the data: the model's year, the method in three sentences, the caveat that trade flows
// are a reconstruction, the sources and citations (model meta) and every everyday comparison's
// source (content table).
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

    float y = left.min.y;
    y += runs(head, L.h1, ImVec2(left.min.x, y), left.w(), {{tr("about.title"), theme::text}}) + L.pad * 0.3f;
    const std::string year = figure("about.year", meta.year, "year", std::to_string(meta.year));
    const std::string year_line = format_text(tr("about.model_year"), {{"year", year}});
    y += text(fonts.body, L.body, ImVec2(left.min.x, y), theme::coast, year_line.c_str(), left.w()) + L.pad;
    const float body = two_columns ? L.body : L.caption;
    for (const char* para : {tr("about.method"), tr("about.caveat")}) {
        const ImVec2 s = measure(fonts.body, body, para, left.w());
        if (y + s.y > left.max.y) break;
        y += text(fonts.body, body, ImVec2(left.min.x, y), theme::text, para, left.w()) + L.pad * 0.8f;
    }

    // Sources: the model's citations, then each comparison's source.
    float ry = two_columns ? right.min.y : y + L.pad;
    std::vector<std::string> lines;
    for (const auto& cite : meta.citations) lines.push_back(cite);
    if (meta.citations.empty() && !meta.source.empty()) lines.push_back(meta.source);
    for (const auto& e : content.equivalents) lines.push_back(zh() ? e.source_zh : e.source_en);
    const ImVec2 hs = measure(head, L.h2, tr("about.sources"));
    if (ry + hs.y < right.max.y) {
        ry += text(head, L.h2, ImVec2(right.min.x, ry), theme::text, tr("about.sources")) + L.pad * 0.5f;
        for (const auto& l : lines) {
            const ImVec2 s = measure(fonts.caption, L.caption, l.c_str(), right.w() - L.pad);
            if (ry + s.y > right.max.y) break;
            dl->AddCircleFilled(ImVec2(right.min.x + 3, ry + L.caption * 0.55f), 2.5f, theme::muted_text);
            ry += text(fonts.caption, L.caption, ImVec2(right.min.x + L.pad, ry), theme::muted_text, l.c_str(),
                       right.w() - L.pad) + L.pad * 0.5f;
        }
    }
    if (bottom_bar("next", tr("about.finish"))) journey.reset();
}

} // namespace ctrail::ui
