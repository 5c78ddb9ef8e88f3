#include "hostile_support.hpp"

#include "e2e_support.hpp"
#include "virtual_display.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hostile {

namespace {

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// The unprivileged user the unreadable case runs as (the service's own user is not nobody,
// but any user without CAP_DAC_OVERRIDE is refused the same way).
std::string nobody_prefix() {
    return "setpriv --reuid=65534 --regid=65534 --clear-groups ";
}

Run run(const std::string& exe, const std::vector<std::string>& args, const std::string& dir,
        const std::string& name, bool as_nobody, const std::string& env) {
    std::string cmd = env + " " + (as_nobody ? nobody_prefix() : "") + quote(exe);
    for (const auto& a : args) cmd += " " + quote(a);
    const std::string log = dir + "/" + name + ".log";
    cmd += " >" + quote(log) + " 2>&1";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, e2e::read_text(log)};
}

struct Db {
    sqlite3* db = nullptr;
    explicit Db(const std::string& path) {
        REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    }
    ~Db() { sqlite3_close(db); }
    long long matrix_rowid(const std::string& name) {
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, "SELECT rowid FROM matrices WHERE name = ?", -1, &s,
                                   nullptr) == SQLITE_OK);
        sqlite3_bind_text(s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
        REQUIRE(sqlite3_step(s) == SQLITE_ROW);
        const long long id = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        return id;
    }
};

// A fake systemd: an abstract AF_UNIX datagram socket (no file permissions, so `nobody` can
// write to it too), drained after the run.
class FakeManager {
  public:
    FakeManager() {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        const std::string tag =
            "ctrail-hostile-" + std::to_string(getpid()) + "-" + std::to_string(counter_++);
        address_ = "@" + tag;
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::memcpy(addr.sun_path + 1, tag.data(), tag.size());
        const auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + tag.size());
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) == 0);
    }
    ~FakeManager() {
        if (thread_.joinable()) stop();
        ::close(fd_);
    }
    const std::string& address() const { return address_; }
    // Receives on a thread while the program runs: a datagram socket queues only ~10
    // messages (net.unix.max_dgram_qlen), then the sender blocks.
    void start() {
        thread_ = std::thread([this] {
            pollfd p{fd_, POLLIN, 0};
            char buf[4096];
            while (!stop_) {
                if (::poll(&p, 1, 20) != 1) continue;
                const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
                if (n > 0) got_.emplace_back(buf, static_cast<size_t>(n));
            }
        });
    }
    std::vector<std::string> stop() {
        stop_ = true;
        thread_.join();
        return got_;
    }

  private:
    static inline int counter_ = 0;
    int fd_ = -1;
    std::string address_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::vector<std::string> got_;
};

} // namespace

std::string copy_model(const std::string& dir, const std::string& name) {
    e2e::require_model();
    const std::string path = dir + "/" + name;
    fs::copy_file(e2e::model_path(), path, fs::copy_options::overwrite_existing);
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    return path;
}

void exec_sql(const std::string& path, const std::string& sql) {
    Db d(path);
    char* err = nullptr;
    const int rc = sqlite3_exec(d.db, sql.c_str(), nullptr, nullptr, &err);
    INFO(sql << ": " << (err ? err : ""));
    sqlite3_free(err);
    REQUIRE(rc == SQLITE_OK);
}

void write_matrix_value(const std::string& path, const std::string& matrix, long index,
                        double value) {
    Db d(path);
    sqlite3_blob* blob = nullptr;
    REQUIRE(sqlite3_blob_open(d.db, "main", "matrices", "data", d.matrix_rowid(matrix), 1, &blob) ==
            SQLITE_OK);
    REQUIRE(sqlite3_blob_write(blob, &value, sizeof value, int(index * sizeof value)) == SQLITE_OK);
    sqlite3_blob_close(blob);
}

void flip_bytes_in_z_page(const std::string& path) {
    std::vector<char> z;
    {
        Db d(path);
        sqlite3_blob* blob = nullptr;
        REQUIRE(sqlite3_blob_open(d.db, "main", "matrices", "data", d.matrix_rowid("Z"), 0,
                                  &blob) == SQLITE_OK);
        z.resize(static_cast<size_t>(sqlite3_blob_bytes(blob)));
        REQUIRE(sqlite3_blob_read(blob, z.data(), int(z.size()), 0) == SQLITE_OK);
        sqlite3_blob_close(blob);
    }
    std::string file = e2e::read_text(path);
    // A 64-byte run of Z that occurs once in the file (inside one overflow page): its middle
    // 16 bytes are set to 0xFF, as a failing flash cell or a bad copy would.
    for (size_t at = z.size() / 2; at + 64 <= z.size(); at += 1000) {
        const std::string run(z.data() + at, 64);
        if (run.find_first_not_of('\0') == std::string::npos) continue;
        const size_t found = file.find(run);
        if (found == std::string::npos || file.find(run, found + 1) != std::string::npos) continue;
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(found + 24));
        const std::string ff(16, '\xff');
        f.write(ff.data(), 16);
        REQUIRE(f.good());
        return;
    }
    FAIL("no unique run of Z's bytes found in " << path);
}

void truncate_file(const std::string& path, double fraction) {
    fs::resize_file(path, static_cast<std::uintmax_t>(double(fs::file_size(path)) * fraction));
}

void sparse_file(const std::string& path, long long bytes) {
    { std::ofstream(path, std::ios::binary | std::ios::trunc); }
    REQUIRE(::truncate(path.c_str(), bytes) == 0);
}

std::string build_assets_dir() {
    return CTRAIL_BUILD_ASSETS_DIR;
}

std::string linked_assets(const std::string& dir) {
    const fs::path out = fs::path(dir) / "assets";
    const fs::path build = build_assets_dir(), source = std::string(CTRAIL_SOURCE_DIR) + "/assets";
    // The packaged words, content and map (the source tree's: the build tree has only fonts).
    for (const char* sub : {"text", "map", "content"}) {
        fs::create_directories(out / sub);
        for (const auto& e : fs::directory_iterator(source / sub))
            if (e.path().extension() == ".tsv" || e.path().extension() == ".map")
                fs::create_symlink(e.path(), out / sub / e.path().filename());
    }
    fs::create_directory_symlink(build / "fonts", out / "fonts");
    return out.string();
}

bool running_as_root() {
    return ::geteuid() == 0;
}

Run run_exhibit(const std::vector<std::string>& args, const std::string& dir,
                const std::string& name, bool as_nobody) {
    return run(CARBONTRAIL_EXE, args, dir, name, as_nobody, "SDL_VIDEODRIVER=dummy");
}

Run run_ctrail(const std::vector<std::string>& args, const std::string& dir,
               const std::string& name, bool as_nobody) {
    return run(CTRAIL_EXE, args, dir, name, as_nobody, "");
}

std::string expect_resting(const std::string& dir, const std::vector<std::string>& args,
                           const std::string& reason, bool as_nobody) {
    if (as_nobody) fs::permissions(dir, fs::perms::all); // nobody writes the tour there
    // An empty kiosk config: nothing from /etc/carbontrail on the machine running the tests.
    const std::string config = dir + "/kiosk.conf";
    std::ofstream(config) << "# hostile-input test\n";
    std::string reason_line;
    for (const char* lang : {"en", "zh"}) {
        INFO("language " << lang);
        const std::string tour = dir + "/" + lang;
        fs::create_directories(tour);
        if (as_nobody) fs::permissions(tour, fs::perms::all);
        std::vector<std::string> a = args;
        a.insert(a.end(), {"--config", config, "--tour", tour, "--lang", lang});
        const Run r = run_exhibit(a, dir, std::string("exhibit-") + lang, as_nobody);
        INFO(r.log);
        CHECK(r.exit_code == 4); // unavailable, not a crash
        const e2e::State s = e2e::read_state(tour + "/01-unavailable.state.tsv");
        CHECK(s["screen"] == "unavailable");
        CHECK(s["language"] == lang);
        CHECK(s["unavailable_reason"].find(reason) != std::string::npos);
        // The resting screen, drawn: its words in both languages differ from a blank screen.
        const e2e::Image img = e2e::load_png(tour + "/01-unavailable.png");
        REQUIRE(img.width == 800);
        e2e::Image blank = img;
        for (std::size_t i = 0; i < blank.rgba.size(); i += 4)
            for (int c = 0; c < 4; ++c) blank.rgba[i + c] = img.rgba[c];
        CHECK(e2e::differing_fraction(img, blank, 48) > 0.004);
        const size_t at = r.log.find("exhibit unavailable: ");
        REQUIRE(at != std::string::npos);
        reason_line = r.log.substr(at, r.log.find('\n', at) - at);
        CHECK(reason_line.find(reason) != std::string::npos);
    }
    // The kiosk loop (full screen on a virtual X display: it refuses SDL's dummy driver) with a
    // fake systemd: READY names the reason, and the heartbeat keeps coming from the render loop
    // while it rests. Its own data folder: nothing goes to /var/lib/carbontrail.
    e2e::VirtualDisplay x(dir + "/xvfb.log");
    FakeManager manager;
    const std::string data = dir + "/data";
    fs::create_directories(data);
    if (as_nobody) fs::permissions(data, fs::perms::all);
    std::vector<std::string> a = args;
    a.insert(a.end(), {"--config", config, "--data-dir", data, "--software", "--frames", "20",
                       "--log-level", "info"});
    manager.start();
    Run k;
    // A loaded machine's X server may refuse the very first client: try again (the checks
    // below are on the run that got its window).
    for (int attempt = 0; attempt < 3; ++attempt) {
        // Leak checking off for this X11 run only: libdbus and the X libraries SDL loads leak at
        // exit and are unloaded before LeakSanitizer can name them; the same case's runs on the
        // dummy driver above keep it on for our own code.
        k = run(CARBONTRAIL_EXE, a, dir, "kiosk", as_nobody,
                "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 SDL_VIDEODRIVER=x11 DISPLAY=" +
                    x.display() + " NOTIFY_SOCKET=" + quote(manager.address()) +
                    " WATCHDOG_USEC=20000");
        if (k.log.find("cannot start SDL video") == std::string::npos) break;
        ::usleep(200000);
    }
    INFO(k.log);
    CHECK(k.exit_code == 0);
    CHECK(k.log.find("stopping after 20 frames") != std::string::npos);
    const std::vector<std::string> got = manager.stop();
    int ready = 0, watchdog = 0;
    for (const auto& m : got) {
        if (m.find("READY=1") != std::string::npos) {
            ++ready;
            CHECK(m.find("STATUS=unavailable: ") != std::string::npos);
            CHECK(m.find(reason) != std::string::npos);
        }
        if (m == "WATCHDOG=1") ++watchdog;
    }
    CHECK(ready == 1);
    CHECK(watchdog >= 10); // 20 frames of >= 16 ms, a heartbeat due every 10 ms
    // For scripts/reliability/25-hostile.sh's table.
    std::ofstream(dir + "/reason.txt") << reason_line << '\n'
                                       << "WATCHDOG=1 x" << watchdog << " in 20 frames\n";
    return reason_line;
}

void expect_info_error(const std::string& dir, const std::string& file, const std::string& problem,
                       bool as_nobody) {
    const Run r = run_ctrail({"info", file}, dir, "ctrail-info", as_nobody);
    INFO(r.log);
    CHECK(r.exit_code == 1);
    CHECK(r.log.find("ctrail info: error: " + file) != std::string::npos);
    CHECK(r.log.find(problem) != std::string::npos);
}

} // namespace hostile
