#include "kiosk/data_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace ctrail::kiosk;
namespace fs = std::filesystem;

namespace {
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("ctrail-data-" + std::to_string(getpid()));
    TempDir() { fs::remove_all(path); }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
};
} // namespace

TEST_CASE("a missing data folder is created, with its parents, and left empty") {
    TempDir tmp;
    std::string error;
    auto dir = DataDir::open(tmp.path / "var/lib/carbontrail", error);
    REQUIRE_MESSAGE(dir, error);
    CHECK(fs::is_directory(tmp.path / "var/lib/carbontrail"));
    CHECK(fs::is_empty(tmp.path / "var/lib/carbontrail")); // the write test cleans up
    CHECK(dir->root() == tmp.path / "var/lib/carbontrail");
}

TEST_CASE("files are placed only inside the data folder") {
    TempDir tmp;
    std::string error;
    auto dir = DataDir::open(tmp.path, error);
    REQUIRE(dir);
    auto f = dir->file("analytics/2026-01.csv", error);
    REQUIRE(f);
    CHECK(*f == tmp.path / "analytics/2026-01.csv");
    CHECK(fs::is_directory(tmp.path / "analytics"));
    std::ofstream(*f) << "ok\n";
    CHECK(fs::file_size(*f) == 3);

    CHECK_FALSE(dir->file("../escape.txt", error));
    CHECK(error.find("'..' would leave") != std::string::npos);
    CHECK_FALSE(dir->file("a/../../escape.txt", error));
    CHECK_FALSE(dir->file("/etc/passwd", error));
    CHECK(error.find("must be a relative path") != std::string::npos);
    CHECK_FALSE(dir->file("", error));
}

TEST_CASE("a folder that cannot be created gives a clear error") {
    TempDir tmp;
    fs::create_directories(tmp.path);
    std::ofstream(tmp.path / "plainfile") << "x";
    std::string error;
    CHECK_FALSE(DataDir::open(tmp.path / "plainfile/sub", error));
    CHECK(error.find("data folder " + (tmp.path / "plainfile/sub").string()) == 0);
    CHECK(error.find("cannot be created by user") != std::string::npos);
    CHECK(error.find("kiosk.conf") != std::string::npos); // says how to fix it
    CHECK_FALSE(DataDir::open(tmp.path / "plainfile", error));
    CHECK(error.find("not a folder") != std::string::npos);
}

TEST_CASE("a read-only folder is refused (skipped as root, which may write anyway)") {
    if (geteuid() == 0) {
        MESSAGE("running as root: permission bits do not stop root; case not exercised");
        return;
    }
    TempDir tmp;
    fs::create_directories(tmp.path / "ro");
    fs::permissions(tmp.path / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    std::string error;
    CHECK_FALSE(DataDir::open(tmp.path / "ro", error));
    CHECK(error.find("is not writable by user") != std::string::npos);
}

TEST_CASE("the folder comes from the command line, then the environment, then the config") {
    ::unsetenv(kDataDirEnv);
    CHECK(resolve_data_dir("", "/var/lib/carbontrail") == "/var/lib/carbontrail");
    CHECK(resolve_data_dir("", "") == kDefaultDataDir);
    ::setenv(kDataDirEnv, "/tmp/ct-env", 1);
    CHECK(resolve_data_dir("", "/var/lib/carbontrail") == "/tmp/ct-env");
    CHECK(resolve_data_dir("/tmp/ct-cli", "/var/lib/carbontrail") == "/tmp/ct-cli");
    ::unsetenv(kDataDirEnv);
}
