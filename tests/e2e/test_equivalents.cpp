// Issue 10: each product's everyday comparison stays picturable (between 1 and 1,000 of its
// unit) whichever province the visitor lives in, on the model the exhibit ships with.
#include "e2e_support.hpp"

#include <doctest/doctest.h>

TEST_CASE("every product comparison stays between 1 and 1000 in every province") {
    e2e::require_model();
    const auto& m = e2e::model();
    const auto& c = e2e::content();
    REQUIRE_FALSE(c.products.empty());
    ctrail::ExhibitTraceOptions options; // only the total matters here
    options.max_paths = 1;
    options.stage_regions = false;
    for (const auto& p : c.products) {
        const ctrail::ui::Equivalent* e = c.find_equivalent(p.equivalent);
        REQUIRE_MESSAGE(e, p.id << ": unknown comparison " << p.equivalent);
        for (const auto& r : m.regions()) {
            if (r.external) continue;
            const ctrail::ExhibitTrace t = m.trace(r.code, p.sector, p.price_yuan, options);
            REQUIRE(t.error.empty());
            const double n = t.total_kg / e->kg_co2_per_unit;
            INFO(p.id << " bought in " << r.code << ": " << n << " " << e->unit);
            CHECK(n >= 1.0);
            CHECK(n <= 1000.0);
        }
    }
}
