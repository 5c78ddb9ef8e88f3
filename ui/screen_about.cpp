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

    float y = left.min.y;
    y += runs(head, L.h1, ImVec2(left.min.x, y), left.w(), {{tr("about.title"), theme::text}}) +
         L.pad * 0.3f;
    const ShownFigure year = figure("about.year", meta.year, "year", std::to_string(meta.year));
    const std::string year_line = format_text(tr("about.model_year"), {{"year", year.shown}});
    y +=
        text(fonts.body, L.body, ImVec2(left.min.x, y), theme::coast, year_line.c_str(), left.w()) +
        L.pad;
    record(year);
    // Why some figures come with a range: only said when the model carries ranges.
    std::vector<const char*> paras{tr("about.method"), tr("about.caveat")};
    if (model->has_ranges()) paras.push_back(tr("about.ranges"));
    // Every paragraph is said: at body size where they all fit, else at caption size (a small
    // panel), which is still the sources' size.
    auto height_at = [&](float size) {
        float h = 0;
        for (const char* para : paras)
            h += paragraph(fonts.body, size, ImVec2(0, 0), left.w(), 0, para, false) + L.pad * 0.8f;
        return h;
    };
    const float body = two_columns && y + height_at(L.body) <= left.max.y ? L.body : L.caption;
    for (const char* para : paras) {
        const float h =
            paragraph(fonts.body, body, ImVec2(left.min.x, y), left.w(), theme::text, para, false);
        if (y + h > left.max.y) break;
        y += paragraph(fonts.body, body, ImVec2(left.min.x, y), left.w(), theme::text, para) +
             L.pad * 0.8f;
    }

    // Sources: the model's citations, then every comparison's source, which always has its
    // place at the bottom (the style guide: each everyday comparison's source is shown here).
    float ry = two_columns ? right.min.y : y + L.pad;
    const float size = L.caption;
    const float indent = L.pad;
    std::vector<std::string> cites(meta.citations.begin(), meta.citations.end());
    if (cites.empty() && !meta.source.empty()) cites.push_back(meta.source);
    std::vector<std::string> comparisons;
    for (const auto& e : content.equivalents) { // several comparisons may share one source
        const std::string& source = zh() ? e.source_zh : e.source_en;
        if (std::find(comparisons.begin(), comparisons.end(), source) == comparisons.end())
            comparisons.push_back(source);
    }
    const float item_gap = L.pad * 0.45f;
    float reserved = 0;
    for (const auto& c : comparisons)
        reserved +=
            paragraph(fonts.caption, size, ImVec2(0, 0), right.w() - indent, 0, c.c_str(), false) +
            item_gap;
    auto item = [&](const std::string& t, float at) {
        dl->AddCircleFilled(ImVec2(right.min.x + 3, at + size * 0.6f), 2.5f, theme::muted_text);
        return paragraph(fonts.caption, size, ImVec2(right.min.x + indent, at), right.w() - indent,
                         theme::muted_text, t.c_str()) +
               item_gap;
    };
    const ImVec2 hs = measure(head, L.h2, tr("about.sources"));
    if (ry + hs.y + reserved < right.max.y) {
        ry += text(head, L.h2, ImVec2(right.min.x, ry), theme::text, tr("about.sources")) +
              L.pad * 0.5f;
        for (const auto& c : cites) {
            const float h = paragraph(fonts.caption, size, ImVec2(0, 0), right.w() - indent, 0,
                                      c.c_str(), false);
            if (ry + h + reserved > right.max.y) break;
            ry += item(c, ry);
        }
        for (const auto& c : comparisons) ry += item(c, ry);
    }
    if (bottom_bar("next", tr("about.finish"))) end_visit();
}

} // namespace ctrail::ui
