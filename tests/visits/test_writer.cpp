// The writer never holds up a frame: against a disk that does not answer at all, enqueue still
// returns at once; a full queue drops records with one log line; a failing disk keeps them in
// memory (bounded) with one log line, and they are written when the disk works again.
#include "support.hpp"

#include "visits/visit_writer.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <mutex>

using namespace ctrail::visits;
using namespace std::chrono_literals;

namespace {

// A disk that blocks every write until the test opens the gate, like a stalled SD card.
struct Gate {
    std::mutex m;
    std::condition_variable cv;
    bool open = false;
    std::atomic<int> entered{0};
    void wait() {
        ++entered;
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return open; });
    }
    void release() {
        {
            std::lock_guard lock(m);
            open = true;
        }
        cv.notify_all();
    }
};

class SlowDisk : public VisitSink {
  public:
    SlowDisk(Gate& g, std::atomic<std::size_t>& written) : gate_(g), written_(written) {}
    void write(const std::vector<VisitRecord>& batch) override {
        gate_.wait();
        written_ += batch.size();
        ++batches;
    }
    std::atomic<int> batches{0};

  private:
    Gate& gate_;
    std::atomic<std::size_t>& written_;
};

class BrokenDisk : public VisitSink {
  public:
    explicit BrokenDisk(std::atomic<bool>& broken) : broken_(broken) {}
    void write(const std::vector<VisitRecord>&) override {
        if (broken_)
            throw std::runtime_error("visits.sqlite: attempt to write a readonly database");
    }

  private:
    std::atomic<bool>& broken_;
};

struct LogLines {
    std::mutex m;
    std::vector<std::string> lines;
    VisitWriter::Log sink() {
        return [this](int, const std::string& s) {
            std::lock_guard lock(m);
            lines.push_back(s);
        };
    }
    std::size_t size() {
        std::lock_guard lock(m);
        return lines.size();
    }
};

VisitRecord rec(int i) {
    return vt::record(i, "2026-03-02 10:15", i, true, "SH", {}, {}, "idle");
}

} // namespace

TEST_CASE("enqueue never waits for a disk that does not answer") {
    Gate gate;
    std::atomic<std::size_t> written{0};
    LogLines log;
    WriterOptions o;
    o.capacity = 1000;
    o.batch = 10;
    o.interval = 5ms;
    auto disk = std::make_unique<SlowDisk>(gate, written);
    SlowDisk* fake = disk.get();
    {
        VisitWriter w(std::move(disk), log.sink(), o);
        w.enqueue(rec(0));
        // Wait until the writer is stuck inside the disk with the first batch.
        for (int i = 0; i < 2000 && gate.entered == 0; ++i) std::this_thread::sleep_for(1ms);
        REQUIRE(gate.entered == 1);
        // The frame's side, on its own thread: if enqueue waited for the disk it would never
        // finish, since the disk answers only after the gate opens below.
        std::vector<std::chrono::steady_clock::duration> took;
        std::atomic<int> kept{0};
        auto frame = std::async(std::launch::async, [&] {
            for (int i = 1; i <= 5000; ++i) {
                const auto a = std::chrono::steady_clock::now();
                kept += w.enqueue(rec(i)) ? 1 : 0;
                took.push_back(std::chrono::steady_clock::now() - a);
            }
        });
        const bool finished = frame.wait_for(10s) == std::future_status::ready;
        CHECK(finished);
        if (!finished) gate.release(); // let the test end instead of hanging
        frame.wait();
        REQUIRE(took.size() == 5000);
        std::sort(took.begin(), took.end());
        // Typical calls take microseconds; a frame is 16 ms (outliers are the scheduler's on a
        // loaded machine, so the median is what is checked).
        CHECK(took[took.size() / 2] < 1ms);
        CHECK(kept == 999);         // the capacity, less the record stuck in the disk
        CHECK(w.dropped() == 4001); // the rest dropped, not waited for
        CHECK(gate.entered == 1);   // still stuck: nothing else was written meanwhile
        CHECK(log.size() == 1);     // one line for the whole streak
        CHECK(log.lines[0].find("records wait in memory") != std::string::npos);
        gate.release();
        w.flush();
        CHECK(w.written() == 1000);
    }
    CHECK(written == 1000);
    CHECK(fake != nullptr);
}

TEST_CASE("a failing disk keeps records in memory with one log line and writes them later") {
    std::atomic<bool> broken{true};
    LogLines log;
    WriterOptions o;
    o.batch = 1;
    o.interval = 1ms;
    o.capacity = 30;
    o.retry_first = 1ms;
    o.retry_max = 8ms;
    VisitWriter w(std::make_unique<BrokenDisk>(broken), log.sink(), o);
    std::size_t accepted = 0;
    for (int i = 0; i < 50; ++i) {
        accepted += w.enqueue(rec(i)) ? 1 : 0; // the frame never learns of the disk
        w.flush();
    }
    CHECK(w.failing());
    CHECK(accepted == 30); // the bound: the rest are dropped, not kept
    CHECK(w.held() == 30);
    CHECK(w.dropped() == 20);
    CHECK(w.written() == 0);
    REQUIRE(log.size() == 2); // the failure once, the full memory once: not one per visit
    CHECK(log.lines[0].find("cannot save visit records") != std::string::npos);
    CHECK(log.lines[0].find("readonly") != std::string::npos);
    CHECK(log.lines[1].find("30 records wait in memory") != std::string::npos);
    // Space returns: the retry (no flush, no new record) writes what was kept.
    broken = false;
    for (int i = 0; i < 5000 && w.written() < 30; ++i) std::this_thread::sleep_for(1ms);
    CHECK(w.written() == 30);
    CHECK_FALSE(w.failing());
    CHECK(w.held() == 0);
    CHECK(w.enqueue(rec(99)));
    w.flush();
    CHECK(w.written() == 31);
    REQUIRE(log.size() == 3);
    CHECK(log.lines[2].find("saving visit records again (30 kept") != std::string::npos);
}

TEST_CASE("the retry backs off: a disk that stays broken is not hammered") {
    struct Counting : VisitSink {
        std::atomic<int>& n;
        explicit Counting(std::atomic<int>& count) : n(count) {}
        void write(const std::vector<VisitRecord>&) override {
            ++n;
            throw std::runtime_error("database or disk is full");
        }
    };
    std::atomic<int> attempts{0};
    WriterOptions o;
    o.interval = 1ms;
    o.retry_first = 5ms;
    o.retry_max = 40ms;
    {
        VisitWriter w(std::make_unique<Counting>(attempts), {}, o);
        w.enqueue(rec(1));
        std::this_thread::sleep_for(400ms);
    }
    // 5+10+20+40+40... ms: about 12 retries in 400 ms (the last at the exit); without the
    // back-off the 1 ms interval would give hundreds.
    CHECK(attempts >= 5);
    CHECK(attempts <= 16);
}

TEST_CASE("records wait for a batch and the destructor writes what waits") {
    Gate gate;
    gate.release();
    std::atomic<std::size_t> written{0};
    WriterOptions o;
    o.batch = 1000;
    o.interval = 10s; // no timer write during the test
    auto disk = std::make_unique<SlowDisk>(gate, written);
    SlowDisk* fake = disk.get();
    {
        VisitWriter w(std::move(disk), {}, o);
        for (int i = 0; i < 20; ++i) w.enqueue(rec(i));
        std::this_thread::sleep_for(50ms);
        CHECK(written == 0); // batched: nothing written per record
        w.flush();
        CHECK(written == 20);
        CHECK(fake->batches == 1); // one transaction for the twenty
        w.enqueue(rec(21));
    }
    CHECK(written == 21);
}

TEST_CASE("housekeeping runs on the writer thread at start and then every period") {
    struct Counting : VisitSink {
        std::atomic<int>& n;
        explicit Counting(std::atomic<int>& count) : n(count) {}
        void write(const std::vector<VisitRecord>&) override {}
        void maintain() override { ++n; }
    };
    std::atomic<int> maintained{0};
    WriterOptions o;
    o.interval = 1ms;
    o.maintenance = std::chrono::duration_cast<std::chrono::hours>(0s); // every wake-up
    {
        VisitWriter w(std::make_unique<Counting>(maintained), {}, o);
        for (int i = 0; i < 2000 && maintained < 3; ++i) std::this_thread::sleep_for(1ms);
    }
    CHECK(maintained >= 3);
    std::atomic<int> daily{0};
    o.maintenance = std::chrono::hours(24);
    {
        VisitWriter w(std::make_unique<Counting>(daily), {}, o);
        std::this_thread::sleep_for(50ms);
    }
    CHECK(daily == 1); // at start only: the next is a day later
}
