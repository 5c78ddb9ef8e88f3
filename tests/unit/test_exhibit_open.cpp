// ExhibitModel::open reads the labels and checks the stored factorisation; the tables wait for
// the first question (load()). These tests pin down when they are read, from which file, and
// what a question says when they cannot be.
#include "error.hpp"
#include "exhibit_model.hpp"
#include "exhibit_model_access.hpp"
#include "log.hpp"
#include "random_model.hpp"
#include "sql_exec.hpp"
#include "store.hpp"
#include "store_factorisation.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <thread>

using namespace ctrail;

namespace {

std::string hex(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
    return buf;
}

// A random model whose money unit is yuan, so the exhibit can trace amounts in yuan.
Model yuan_model(int regions, int sectors, unsigned seed, int categories = 1) {
    Model m = test::random_model(regions, sectors, seed, 0.7, 0.6, categories);
    std::erase_if(m.meta, [](const auto& kv) { return kv.first == "currency_unit"; });
    m.meta.emplace_back("currency_unit", "10^4 yuan");
    return m;
}

double total_of(const ExhibitModel& em, const std::string& region, const std::string& sector) {
    const ExhibitTrace t = em.trace(region, sector, 1e6);
    INFO(t.error);
    REQUIRE(t.error.empty());
    return t.total;
}

} // namespace

TEST_CASE("exhibit open: the checksum streamed from the file is the one of the matrices read") {
    // 97 nodes: Z is 9409 doubles, two 64 KB pieces and a tail that is not a multiple of 4.
    for (const auto& [regions, sectors] : {std::pair{1, 3}, std::pair{97, 1}, std::pair{4, 5}}) {
        CAPTURE(regions);
        test::TempDir dir;
        const Model m = test::random_model(regions, sectors, 7 + regions, 0.7, 0.6, 2);
        write_database(m, dir.file("m.sqlite"));
        const auto db = open_for_reading(dir.file("m.sqlite"));
        const Model labels = read_database(*db, kSchemaVersion, nullptr, ModelParts::labels);
        CHECK(labels.Z.size() == 0);
        CHECK(labels.ranges.empty());
        std::string why;
        const auto sum = verify_stored_factorisation(*db, labels, why);
        REQUIRE_MESSAGE(sum, why);
        CHECK(*sum == hex(inputs_checksum(m)));
    }
}

TEST_CASE("exhibit open: the tables wait for the first question, which reads them once") {
    test::TempDir dir;
    const Model m = yuan_model(4, 5, 31, 3);
    write_database(m, dir.file("m.sqlite"));
    test::CapturedLog log;
    const auto em = ExhibitModel::open(dir.file("m.sqlite"));
    CHECK_FALSE(ExhibitModelAccess::tables_read(*em));
    // The lists and lookups need no table.
    CHECK(em->regions().size() == m.regions.size());
    CHECK(em->find_sector(m.sectors[2].code) == 2);
    CHECK(em->check_scales({m.regions[0].code + ".*=0.5"}).empty());
    CHECK_FALSE(ExhibitModelAccess::tables_read(*em));
    const double first = total_of(*em, m.regions[1].code, m.sectors[0].code);
    CHECK(ExhibitModelAccess::tables_read(*em));
    const Model* read = &ExhibitModelAccess::model(*em);
    em->load(); // read once: the same tables
    CHECK(&ExhibitModelAccess::model(*em) == read);
    CHECK(total_of(*em, m.regions[1].code, m.sectors[0].code) == first);
    CHECK(log.notes.empty()); // the stored factorisation was used, nothing factorised
}

TEST_CASE("exhibit open: a stale or missing stored factorisation is factorised at open, logged") {
    test::TempDir dir;
    const Model m = yuan_model(3, 4, 33);
    for (const char* spoil :
         {"UPDATE factorisation_inputs SET checksum = '0123456789abcdef'",
          "DELETE FROM factorisation WHERE name = 'stages'", "DROP TABLE factorisation"}) {
        CAPTURE(spoil);
        write_database(m, dir.file("m.sqlite"));
        test::exec_sql(dir.file("m.sqlite"), spoil);
        test::CapturedLog log;
        const auto em = ExhibitModel::open(dir.file("m.sqlite"));
        CHECK(ExhibitModelAccess::tables_read(*em)); // read (and factorised) by open itself
        REQUIRE(log.notes.size() == 1);
        CHECK(log.notes[0].find("factorising instead") != std::string::npos);
        CHECK(total_of(*em, m.regions[0].code, m.sectors[1].code) > 0);
    }
    // A broken model still fails at open, naming the file: it is never left to a question.
    write_database(m, dir.file("m.sqlite"));
    test::exec_sql(dir.file("m.sqlite"), "UPDATE matrices SET data = zeroblob(8) WHERE name = 'Z'");
    CHECK_THROWS_WITH_AS(ExhibitModel::open(dir.file("m.sqlite")),
                         doctest::Contains("m.sqlite: matrix Z has the wrong size"), ModelError);
}

TEST_CASE("exhibit open: the tables come from the file open() checked, even if replaced since") {
    test::TempDir dir;
    const std::string path = dir.file("m.sqlite");
    const Model a = yuan_model(3, 4, 35);
    Model b = a;
    b.F *= 2; // same labels, twice the emissions
    write_database(a, path);
    const auto em = ExhibitModel::open(path);
    write_database(b, path); // an update renames a new database over it
    const auto newer = ExhibitModel::open(path);
    const double from_a = total_of(*em, a.regions[0].code, a.sectors[0].code);
    const double from_b = total_of(*newer, a.regions[0].code, a.sectors[0].code);
    CHECK(from_b == doctest::Approx(2 * from_a).epsilon(1e-12));
}

TEST_CASE("exhibit open: tables that cannot be read make every question say why") {
    test::TempDir dir;
    const std::string path = dir.file("m.sqlite");
    const Model m = yuan_model(3, 4, 37);
    write_database(m, path);
    const auto em = ExhibitModel::open(path);
    // Edited in place behind the open connection: the labels no longer match.
    test::exec_sql(path, "UPDATE regions SET code = 'QQ' WHERE idx = 0");
    const ExhibitTrace t = em->trace(m.regions[1].code, m.sectors[0].code, 1e6);
    CHECK(t.error.find("m.sqlite") != std::string::npos);
    CHECK(t.error.find("labels changed") != std::string::npos);
    WhatIfRequest request;
    CHECK(em->what_if(request).error.find("labels changed") != std::string::npos);
    CHECK_THROWS_AS((void)em->big_picture(), ModelError);
    CHECK_FALSE(em->range("national_outside_share").known);
    CHECK_FALSE(ExhibitModelAccess::tables_read(*em));
    // Put back, the next question reads them.
    test::exec_sql(path, "UPDATE regions SET code = '" + m.regions[0].code + "' WHERE idx = 0");
    CHECK(total_of(*em, m.regions[1].code, m.sectors[0].code) > 0);
}

TEST_CASE("exhibit open: concurrent first questions read the tables once") {
    test::TempDir dir;
    const Model m = yuan_model(5, 4, 39);
    write_database(m, dir.file("m.sqlite"));
    const auto em = ExhibitModel::open(dir.file("m.sqlite"));
    std::vector<double> totals(4);
    std::vector<std::thread> askers;
    for (int i = 0; i < 4; ++i)
        askers.emplace_back([&, i] {
            const ExhibitTrace t = em->trace(m.regions[1].code, m.sectors[0].code, 1e6);
            totals[static_cast<size_t>(i)] = t.error.empty() ? t.total : -1;
        });
    for (auto& t : askers) t.join();
    for (double t : totals) CHECK(t == totals[0]);
    CHECK(totals[0] > 0);
    CHECK(em->big_picture().total > 0);
}
