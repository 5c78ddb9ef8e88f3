// Hostile model databases (issue 13): each damaged copy of the bundled model, made here at test
// time, must put the exhibit on its resting screen in both languages with the precise reason
// in the log, keep the watchdog fed and not crash; `ctrail info` on the same file must exit 1
// with one line naming the file and the problem.
#include "e2e_support.hpp"
#include "hostile_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <limits>

namespace fs = std::filesystem;
using namespace hostile;

namespace {

struct ModelCase {
    const char* name;
    // Makes the hostile file in `dir`; returns its path.
    std::function<std::string(const std::string& dir)> make;
    const char* reason; // in the log, the state file and READY's status
    const char* info;   // in `ctrail info`'s error line
    bool as_nobody = false;
};

const ModelCase& find_case(const std::string& name);

void exhibit_case(const std::string& name) {
    const ModelCase& c = find_case(name);
    const std::string dir = e2e::fresh_dir("hostile-model-" + name);
    const std::string file = c.make(dir);
    const std::string line = expect_resting(dir, {"--model", file}, c.reason, c.as_nobody);
    MESSAGE("log: " << line);
}

void info_case(const std::string& name) {
    const ModelCase& c = find_case(name);
    const std::string dir = e2e::fresh_dir("hostile-info-" + name);
    const std::string file = c.make(dir);
    expect_info_error(dir, file, c.info, c.as_nobody);
}

const std::vector<ModelCase>& cases() {
    static const std::vector<ModelCase> all = {
        {"truncated",
         [](const std::string& d) {
             const std::string f = copy_model(d, "model.sqlite");
             truncate_file(f, 0.5);
             return f;
         },
         "database disk image is malformed", "database disk image is malformed"},
        // SQLite keeps no page checksums: the flipped bytes read as numbers. The stored
        // factorisation's inputs checksum no longer matches, so the model is validated, and
        // validate() finds the NaN the flip made.
        {"bit-flipped",
         [](const std::string& d) {
             const std::string f = copy_model(d, "model.sqlite");
             flip_bytes_in_z_page(f);
             return f;
         },
         "invalid model: Z has a non-finite value", "invalid model: Z has a non-finite value"},
        {"wrong-schema-version",
         [](const std::string& d) {
             const std::string f = copy_model(d, "model.sqlite");
             exec_sql(f, "PRAGMA user_version = 99");
             return f;
         },
         "schema version 99", "schema version 99"},
        {"wrong-application-id",
         [](const std::string& d) {
             const std::string f = copy_model(d, "model.sqlite");
             exec_sql(f, "PRAGMA application_id = 1234");
             return f;
         },
         "not a Carbon Trail model database (application_id 1234)",
         "not a Carbon Trail model database (application_id 1234)"},
        {"table-missing",
         [](const std::string& d) {
             const std::string f = copy_model(d, "model.sqlite");
             exec_sql(f, "DROP TABLE sectors");
             return f;
         },
         "no such table: sectors", "no such table: sectors"},
        {"nan",
         [](const std::string& d) {
             const std::string f = copy_model(d, "model.sqlite");
             write_matrix_value(f, "Z", 5, std::numeric_limits<double>::quiet_NaN());
             return f;
         },
         "invalid model: Z has a non-finite value (nan)",
         "invalid model: Z has a non-finite value (nan)"},
        {"negative",
         [](const std::string& d) {
             const std::string f = copy_model(d, "model.sqlite");
             write_matrix_value(f, "F", 5, -1.0);
             return f;
         },
         "invalid model: F has a negative value -1", "invalid model: F has a negative value -1"},
        {"1GB",
         [](const std::string& d) {
             const std::string f = d + "/model.sqlite";
             sparse_file(f, 1LL << 30);
             return f;
         },
         "file is not a database", "file is not a database"},
        {"directory",
         [](const std::string& d) {
             const std::string f = d + "/model.sqlite";
             fs::create_directory(f);
             return f;
         },
         "a folder, not a model database", "a folder, not a model database"},
        // As root (CI) chmod 000 proves nothing: the runs go through setpriv as nobody, the way
        // the unprivileged service meets a file it may not read.
        {"unreadable",
         [](const std::string& d) {
             const std::string f = copy_model(d, "model.sqlite");
             fs::permissions(f, fs::perms::none);
             return f;
         },
         "unable to open database file", "unable to open database file", running_as_root()},
        {"symlink-loop",
         [](const std::string& d) {
             const std::string f = d + "/model.sqlite";
             fs::create_symlink("loop.sqlite", f);
             fs::create_symlink("model.sqlite", d + "/loop.sqlite");
             return f;
         },
         "Too many levels of symbolic links", "Too many levels of symbolic links"},
    };
    return all;
}

const ModelCase& find_case(const std::string& name) {
    for (const auto& c : cases())
        if (c.name == name) return c;
    FAIL("no case " << name);
    throw;
}

} // namespace

#define HOSTILE_MODEL_CASE(NAME)                                                                   \
    TEST_CASE("hostile model: " NAME) {                                                            \
        exhibit_case(NAME);                                                                        \
    }                                                                                              \
    TEST_CASE("hostile ctrail info: " NAME) {                                                      \
        info_case(NAME);                                                                           \
    }

HOSTILE_MODEL_CASE("truncated")
HOSTILE_MODEL_CASE("bit-flipped")
HOSTILE_MODEL_CASE("wrong-schema-version")
HOSTILE_MODEL_CASE("wrong-application-id")
HOSTILE_MODEL_CASE("table-missing")
HOSTILE_MODEL_CASE("nan")
HOSTILE_MODEL_CASE("negative")
HOSTILE_MODEL_CASE("1GB")
HOSTILE_MODEL_CASE("directory")
HOSTILE_MODEL_CASE("unreadable")
HOSTILE_MODEL_CASE("symlink-loop")
