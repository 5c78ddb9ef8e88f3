#include "visits/visit_summary.hpp"

#include "visits/visit_stats.hpp"
#include "visits/visit_store.hpp"

namespace ctrail::visits {

VisitSummary summarise_visits(const std::filesystem::path& visits_db, std::time_t now) {
    VisitSummary out;
    try {
        std::tm tm{};
        localtime_r(&now, &tm);
        const int since_monday = (tm.tm_wday + 6) % 7;
        const std::string today = local_minute(now).substr(0, 10);
        const std::string monday = cutoff_date(since_monday, now);
        const VisitStore store = VisitStore::open_read_only(visits_db);
        std::vector<VisitRecord> week;
        for (VisitRecord& v : store.load(monday, today))
            if (v.clock_trusted) week.push_back(std::move(v));
        out.this_week = int(week.size());
        out.today = 0;
        for (const VisitRecord& v : week)
            if (v.start_local.compare(0, 10, today) == 0) ++out.today;
        Counts products = compute_stats(week).products;
        if (products.size() > 3) products.resize(3);
        out.top_products = std::move(products);
    } catch (const std::exception& e) {
        out = VisitSummary{};
        out.error = e.what();
    }
    return out;
}

} // namespace ctrail::visits
