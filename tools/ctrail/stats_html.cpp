#include "stats_html.hpp"

#include "format.hpp"

#include <algorithm>
#include <sstream>

namespace ctrail::cli {

using visits::Counts;

std::string xml_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

const char* const kBar = "#2e7d6b";
const char* const kInk = "#22313a";
const char* const kMuted = "#6b7a83";

std::string num(double v) {
    return fixed(v, 1);
}

// Vertical bars (a time axis): one bar per label, every `label_every`-th label written.
std::string column_chart(const Counts& bars, const std::string& title, int label_every) {
    const double w = 760, h = 240, left = 40, bottom = 40, top = 16;
    int max = 1;
    for (const auto& b : bars) max = std::max(max, b.second);
    const double slot = bars.empty() ? 0 : (w - left - 8) / double(bars.size());
    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << w << "\" height=\""
      << h << "\" viewBox=\"0 0 " << w << ' ' << h << "\"><title>" << xml_escape(title)
      << "</title>";
    const double base = h - bottom, span = base - top;
    o << "<line x1=\"" << left << "\" y1=\"" << base << "\" x2=\"" << w - 4 << "\" y2=\"" << base
      << "\" stroke=\"" << kMuted << "\"/>";
    o << "<text x=\"" << left - 6 << "\" y=\"" << top + 10 << "\" text-anchor=\"end\" fill=\""
      << kMuted << "\" font-size=\"12\">" << max << "</text>";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double bh = span * bars[i].second / max;
        const double x = left + slot * double(i) + slot * 0.15;
        o << "<rect x=\"" << num(x) << "\" y=\"" << num(base - bh) << "\" width=\""
          << num(slot * 0.7) << "\" height=\"" << num(bh) << "\" fill=\"" << kBar << "\"><title>"
          << xml_escape(bars[i].first) << ": " << bars[i].second << "</title></rect>";
        if (label_every > 0 && i % std::size_t(label_every) == 0)
            o << "<text x=\"" << num(x + slot * 0.35) << "\" y=\"" << base + 16
              << "\" text-anchor=\"middle\" fill=\"" << kInk << "\" font-size=\"11\">"
              << xml_escape(bars[i].first) << "</text>";
    }
    o << "</svg>";
    return o.str();
}

// Horizontal bars with their names and counts (rankings, drop-off).
std::string bar_chart(const Counts& bars, const std::string& title, int whole,
                      std::size_t limit = 10) {
    const std::size_t n = std::min(bars.size(), limit);
    const double w = 760, row = 28, label = 180, h = 16 + row * double(std::max<std::size_t>(n, 1));
    int max = 1;
    for (std::size_t i = 0; i < n; ++i) max = std::max(max, bars[i].second);
    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << w << "\" height=\""
      << h << "\" viewBox=\"0 0 " << w << ' ' << h << "\"><title>" << xml_escape(title)
      << "</title>";
    if (n == 0)
        o << "<text x=\"0\" y=\"24\" fill=\"" << kMuted << "\" font-size=\"14\">(none)</text>";
    for (std::size_t i = 0; i < n; ++i) {
        const double y = 8 + row * double(i);
        const double bw = (w - label - 130) * bars[i].second / max;
        o << "<text x=\"" << label - 8 << "\" y=\"" << num(y + 17)
          << "\" text-anchor=\"end\" fill=\"" << kInk << "\" font-size=\"14\">"
          << xml_escape(bars[i].first) << "</text>";
        o << "<rect x=\"" << label << "\" y=\"" << num(y + 3) << "\" width=\"" << num(bw)
          << "\" height=\"" << row - 8 << "\" fill=\"" << kBar << "\"/>";
        o << "<text x=\"" << num(label + bw + 8) << "\" y=\"" << num(y + 17) << "\" fill=\"" << kInk
          << "\" font-size=\"14\">" << bars[i].second << " ("
          << xml_escape(percent_of(bars[i].second, whole)) << ")</text>";
    }
    o << "</svg>";
    return o.str();
}

} // namespace

std::string stats_html(const visits::VisitStats& s, const StatsRange& range,
                       const std::string& file) {
    std::ostringstream o;
    const int ended = s.visits - s.open;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\"/>"
         "<title>Carbon Trail visits, "
      << xml_escape(range.describe()) << "</title><style>body{font-family:sans-serif;color:" << kInk
      << ";max-width:800px;margin:24px auto;padding:0 16px}h1{font-size:26px}h2{font-size:19px;"
         "margin-top:32px}table{border-collapse:collapse}td{padding:4px 16px 4px 0}"
         "td.n{text-align:right;font-weight:bold}p.note{color:"
      << kMuted << ";font-size:14px}</style></head><body>";
    o << "<h1>Carbon Trail: visits, " << xml_escape(range.describe()) << "</h1>";
    o << "<p class=\"note\">From " << xml_escape(file)
      << ". Anonymous records: no person, no touches, times to the minute.</p>";
    o << "<table><tr><td>Visits</td><td class=\"n\">" << s.visits
      << "</td></tr><tr><td>Clock trusted (in the per-day and per-hour charts)</td><td "
         "class=\"n\">"
      << s.trusted << "</td></tr><tr><td>Left out of those charts (clock not synchronised)</td>"
      << "<td class=\"n\">" << s.left_out << "</td></tr><tr><td>Median visit length</td><td "
      << "class=\"n\">" << xml_escape(minutes_seconds(s.median_s))
      << "</td></tr><tr><td>90th percentile visit length</td><td class=\"n\">"
      << xml_escape(minutes_seconds(s.p90_s))
      << "</td></tr><tr><td>Completion (reached the big picture)</td><td class=\"n\">"
      << xml_escape(percent_of(s.reached_big_picture, s.visits)) << "</td></tr></table>";

    Counts days(s.per_day.begin(), s.per_day.end());
    o << "<h2>Visits per day</h2>"
      << column_chart(days, "Visits per day (trusted clock)",
                      std::max(1, int(days.size() + 9) / 10));
    Counts hours;
    for (int h = 0; h < 24; ++h)
        hours.emplace_back((h < 10 ? "0" : "") + std::to_string(h), s.per_hour[std::size_t(h)]);
    o << "<h2>Visits per hour of day</h2>" << column_chart(hours, "Visits per hour of day", 2);
    o << "<h2>Where visits ended</h2>"
      << bar_chart(s.drop_off, "Where visits ended (screen)", ended);
    o << "<h2>How visits ended</h2>" << bar_chart(s.end_reasons, "How visits ended", ended);
    o << "<h2>Top home provinces</h2>" << bar_chart(s.provinces, "Top home provinces", s.visits);
    o << "<h2>Top products traced</h2>" << bar_chart(s.products, "Top products", s.visits);
    o << "<h2>Languages used</h2>" << bar_chart(s.languages, "Languages used", s.visits);
    o << "<h2>Deepest trail step reached</h2>"
      << bar_chart(s.deepest_step, "Deepest trail step reached", s.visits);
    o << "</body></html>\n";
    return o.str();
}

} // namespace ctrail::cli
