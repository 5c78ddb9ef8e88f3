// The figures ctrail stats and admin mode show, from known records.
#include "support.hpp"

#include "visits/visit_stats.hpp"
#include "visits/visit_store.hpp"
#include "visits/visit_summary.hpp"

#include <ctime>

using namespace ctrail::visits;

TEST_CASE("quantiles interpolate between closest ranks") {
    CHECK(quantile({}, 0.5) == 0);
    CHECK(quantile({30}, 0.9) == 30);
    CHECK(quantile({10, 20, 30, 40}, 0.5) == doctest::Approx(25));
    CHECK(quantile({40, 10, 30, 20, 50, 60, 70, 80, 90, 100}, 0.9) == doctest::Approx(91));
}

TEST_CASE(
    "statistics: trusted days and hours and lengths and completion and drop-off and rankings") {
    const std::vector<std::string> full = {"region", "product", "trail", "big_picture", "about"};
    std::vector<VisitRecord> v = {
        vt::record(1, "2026-03-02 10:15", 240, true, "SH", {"car"}, full, "finished"),
        vt::record(2, "2026-03-02 10:40", 60, true, "SH", {}, {"region", "product"}, "idle"),
        vt::record(3, "2026-03-04 14:05", 120, true, "GD", {"phone", "car"},
                   {"region", "product", "trail"}, "home"),
        vt::record(4, "2026-03-04 14:30", 30, false, "", {}, {}, "idle"),
        vt::record(5, "2026-03-05 09:00", 500, true, "SH", {"car"}, {"region", "product", "trail"},
                   ""),
    };
    v[2].languages = {"zh", "en"};
    v[1].deepest_step = 0;
    const VisitStats s = compute_stats(v);
    CHECK(s.visits == 5);
    CHECK(s.trusted == 4);
    CHECK(s.left_out == 1);
    CHECK(s.open == 1);
    // Every day from the first to the last, zeros included; the untrusted visit is not counted.
    CHECK(s.per_day ==
          std::map<std::string, int>{
              {"2026-03-02", 2}, {"2026-03-03", 0}, {"2026-03-04", 1}, {"2026-03-05", 1}});
    CHECK(s.per_hour[10] == 2);
    CHECK(s.per_hour[14] == 1);
    CHECK(s.per_hour[9] == 1);
    CHECK(s.lengths == 4); // the open visit has no length yet
    CHECK(s.median_s == doctest::Approx(90));
    CHECK(s.p90_s == doctest::Approx(204)); // 120 + 0.7 * (240 - 120)
    CHECK(s.reached_big_picture == 1);
    CHECK(s.completion == doctest::Approx(0.2));
    CHECK(s.drop_off == Counts{{"attract", 1}, {"product", 1}, {"trail", 1}, {"about", 1}});
    CHECK(s.end_reasons == Counts{{"idle", 2}, {"finished", 1}, {"home", 1}});
    CHECK(s.provinces == Counts{{"SH", 3}, {"(none)", 1}, {"GD", 1}});
    CHECK(s.products == Counts{{"car", 3}, {"phone", 1}});
    CHECK(s.languages == Counts{{"en", 4}, {"en+zh", 1}});
    CHECK(s.deepest_step == Counts{{"0", 2}, {"1", 3}});
}

TEST_CASE("the admin summary: today and this week over trusted visits and the top three products") {
    const auto db = vt::fresh_dir("summary") / "visits.sqlite";
    std::tm tm{};
    tm.tm_year = 2026 - 1900, tm.tm_mon = 2, tm.tm_mday = 5, tm.tm_hour = 15; // Thursday
    tm.tm_isdst = -1;
    const std::time_t now = std::mktime(&tm);
    CHECK(summarise_visits(db, now).today == -1); // no file: not recorded
    CHECK_FALSE(summarise_visits(db, now).error.empty());
    CHECK_FALSE(std::filesystem::exists(db));
    {
        VisitStore s = VisitStore::open(db, true);
        s.write({
            vt::record(1, "2026-03-01 10:00", 60, true, "SH", {"car"}, {}, "idle"), // Sunday
            vt::record(2, "2026-03-02 10:00", 60, true, "SH", {"car"}, {}, "idle"), // Monday
            vt::record(3, "2026-03-04 10:00", 60, true, "SH", {"phone"}, {}, "idle"),
            vt::record(4, "2026-03-05 09:00", 60, true, "SH", {"flat", "car"}, {}, "idle"),
            vt::record(5, "2026-03-05 11:00", 60, true, "SH", {"tea", "phone"}, {}, "idle"),
            vt::record(6, "2026-03-05 12:00", 60, false, "SH", {"tea"}, {}, "idle"),
            vt::record(7, "2026-03-05 13:00", 60, true, "SH", {"tea", "rice"}, {}, ""),
        });
    }
    const VisitSummary sum = summarise_visits(db, now);
    CHECK(sum.error.empty());
    CHECK(sum.today == 3);
    CHECK(sum.this_week == 5);
    CHECK(sum.top_products ==
          std::vector<std::pair<std::string, int>>{{"car", 2}, {"phone", 2}, {"tea", 2}});
}
