#include "stats_report.hpp"

#include "args.hpp"
#include "csv.hpp"
#include "format.hpp"

#include <cmath>

namespace ctrail::cli {

using visits::Counts;

std::string StatsRange::describe() const {
    if (from.empty() && to.empty()) return "all recorded days";
    if (to.empty()) return "from " + from;
    if (from.empty()) return "up to " + to;
    return from + " to " + to;
}

const std::vector<std::string>& stats_table_names() {
    static const std::vector<std::string> names = {
        "summary",   "per_day",  "per_hour",  "drop_off",     "end_reasons",
        "provinces", "products", "languages", "deepest_step", "visits"};
    return names;
}

std::string minutes_seconds(double seconds) {
    const long s = std::lround(seconds);
    if (s < 60) return std::to_string(s) + " s";
    const long sec = s % 60;
    return std::to_string(s / 60) + " min " + (sec < 10 ? "0" : "") + std::to_string(sec) + " s";
}

std::string percent_of(int part, int whole) {
    return whole ? fixed(100.0 * part / whole, 1) + "%" : "-";
}

namespace {

void counts_table(std::ostream& out, const char* title, const char* what, const Counts& counts,
                  int whole, std::size_t limit = 0) {
    out << title << '\n';
    if (counts.empty()) {
        out << "  (none)\n\n";
        return;
    }
    TextTable t({what, "visits", "share"});
    std::size_t n = 0;
    for (const auto& [name, count] : counts) {
        if (limit && n++ == limit) break;
        t.add({name, std::to_string(count), percent_of(count, whole)});
    }
    t.print(out);
    out << '\n';
}

std::string share_value(int part, int whole) {
    return whole ? shortest_number(double(part) / whole) : "";
}

void counts_csv(std::ostream& out, const char* what, const Counts& counts, int whole) {
    out << what << ",visits,share\n";
    for (const auto& [name, count] : counts)
        out << csv_field(name) << ',' << count << ',' << share_value(count, whole) << '\n';
}

} // namespace

void write_stats_text(std::ostream& out, const visits::VisitStats& s, const StatsRange& range,
                      const std::string& file) {
    out << "Visits in " << file << ", " << range.describe() << "\n\n";
    out << "visits             " << s.visits << '\n';
    out << "clock trusted      " << s.trusted << " (" << s.left_out
        << " left out of the per-day and per-hour counts: the clock was not synchronised)\n";
    if (s.open) out << "still open         " << s.open << " (not in lengths or drop-off)\n";
    out << "median length      " << minutes_seconds(s.median_s) << '\n';
    out << "90th percentile    " << minutes_seconds(s.p90_s) << " (of " << s.lengths
        << " ended visits)\n";
    out << "completion         " << percent_of(s.reached_big_picture, s.visits) << " ("
        << s.reached_big_picture << " reached the big picture)\n\n";

    out << "Visits per day (trusted clock only)\n";
    if (s.per_day.empty()) out << "  (none)\n";
    for (const auto& [day, n] : s.per_day) out << "  " << day << "  " << n << '\n';
    out << "\nVisits per hour of day (trusted clock only)\n";
    for (int h = 0; h < 24; ++h)
        if (s.per_hour[std::size_t(h)])
            out << "  " << (h < 10 ? "0" : "") << h << ":00  " << s.per_hour[std::size_t(h)]
                << '\n';
    out << '\n';
    const int ended = s.visits - s.open;
    counts_table(out, "Where visits ended (drop-off by screen)", "screen", s.drop_off, ended);
    counts_table(out, "How visits ended", "reason", s.end_reasons, ended);
    counts_table(out, "Top home provinces", "province", s.provinces, s.visits, 10);
    counts_table(out, "Top products traced", "product", s.products, s.visits, 10);
    counts_table(out, "Languages used", "languages", s.languages, s.visits);
    counts_table(out, "Deepest trail step reached", "step", s.deepest_step, s.visits);
}

void write_stats_csv(std::ostream& out, const std::string& table, const visits::VisitStats& s,
                     const std::vector<visits::VisitRecord>& visits) {
    const int ended = s.visits - s.open;
    if (table == "summary") {
        out << "figure,value\n"
            << "visits," << s.visits << "\nclock_trusted," << s.trusted
            << "\nleft_out_untrusted_clock," << s.left_out << "\nstill_open," << s.open
            << "\nended_visits," << s.lengths << "\nmedian_length_s," << shortest_number(s.median_s)
            << "\np90_length_s," << shortest_number(s.p90_s) << "\nreached_big_picture,"
            << s.reached_big_picture << "\ncompletion_rate,"
            << share_value(s.reached_big_picture, s.visits) << '\n';
    } else if (table == "per_day") {
        out << "date,visits\n";
        for (const auto& [day, n] : s.per_day) out << day << ',' << n << '\n';
    } else if (table == "per_hour") {
        out << "hour,visits\n";
        for (int h = 0; h < 24; ++h) out << h << ',' << s.per_hour[std::size_t(h)] << '\n';
    } else if (table == "drop_off") {
        counts_csv(out, "screen", s.drop_off, ended);
    } else if (table == "end_reasons") {
        counts_csv(out, "reason", s.end_reasons, ended);
    } else if (table == "provinces") {
        counts_csv(out, "province", s.provinces, s.visits);
    } else if (table == "products") {
        counts_csv(out, "product", s.products, s.visits);
    } else if (table == "languages") {
        counts_csv(out, "languages", s.languages, s.visits);
    } else if (table == "deepest_step") {
        counts_csv(out, "step", s.deepest_step, s.visits);
    } else if (table == "visits") {
        out << "start,end,length_s,clock_trusted,languages,province,products,deepest_step,"
               "screens,end_screen,back_uses,home_uses,end_reason\n";
        for (const auto& v : visits)
            out << v.start_local << ',' << v.end_local << ',' << v.duration_s << ','
                << (v.clock_trusted ? 1 : 0) << ',' << csv_field(visits::join_list(v.languages))
                << ',' << v.region << ',' << csv_field(visits::join_list(v.products)) << ','
                << v.deepest_step << ',' << csv_field(visits::join_list(v.screens)) << ','
                << v.end_screen() << ',' << v.back_uses << ',' << v.home_uses << ','
                << (v.end_reason.empty() ? "open" : v.end_reason) << '\n';
    } else {
        std::string names;
        for (const auto& n : stats_table_names()) names += (names.empty() ? "" : ", ") + n;
        throw UsageError("--table '" + table + "': not a table (" + names + ")");
    }
}

} // namespace ctrail::cli
