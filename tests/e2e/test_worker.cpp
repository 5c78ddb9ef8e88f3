// The app's worker thread and its result slots: results arrive once, a superseded or cancelled
// job's result is dropped, a job that throws comes back as an error, and the worker shuts down
// with jobs queued. Run under ThreadSanitizer in CI (the tsan preset).
#include <worker.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>

using namespace ctrail::ui;

namespace {
template <class T> JobOutcome<T> wait_for(JobSlot<T>& slot) {
    for (int i = 0; i < 5000; ++i) {
        if (auto o = slot.poll()) return std::move(*o);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    FAIL("no result within 5 s");
    return {};
}
} // namespace

TEST_CASE("worker: a result arrives once and the slot is idle afterwards") {
    Worker w;
    JobSlot<int> slot;
    CHECK_FALSE(slot.busy());
    slot.start(w, [] { return 42; });
    CHECK(slot.busy());
    const JobOutcome<int> o = wait_for(slot);
    REQUIRE(o.value);
    CHECK(*o.value == 42);
    CHECK(o.error.empty());
    CHECK_FALSE(slot.busy());
    CHECK_FALSE(slot.poll());
}

TEST_CASE("worker: a superseded job's result is dropped") {
    Worker w;
    JobSlot<int> slot;
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    slot.start(w, [gate] {
        gate.wait(); // still running when the second request comes
        return 1;
    });
    slot.start(w, [] { return 2; });
    release.set_value();
    w.drain();
    const JobOutcome<int> o = wait_for(slot);
    REQUIRE(o.value);
    CHECK(*o.value == 2);
    CHECK_FALSE(slot.poll()); // the first job's result never shows up
}

TEST_CASE("worker: a cancelled job's result is dropped") {
    Worker w;
    JobSlot<int> slot;
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    slot.start(w, [gate] {
        gate.wait();
        return 1;
    });
    slot.cancel();
    CHECK_FALSE(slot.busy());
    release.set_value();
    w.drain();
    CHECK_FALSE(slot.poll());
}

TEST_CASE("worker: a job that throws returns its message as the error") {
    Worker w;
    JobSlot<int> slot;
    slot.start(w, []() -> int { throw std::runtime_error("no such sector 'XX'"); });
    const JobOutcome<int> o = wait_for(slot);
    CHECK_FALSE(o.value);
    CHECK(o.error == "no such sector 'XX'");
}

TEST_CASE("worker: one thread runs the jobs in order, and shutdown drops what is queued") {
    int ran = 0; // written by the worker only, read after it has joined
    std::promise<void> started, release;
    std::shared_future<void> gate = release.get_future().share();
    {
        Worker w;
        JobSlot<int> a, b;
        std::thread::id first, second;
        a.start(w, [&] {
            first = std::this_thread::get_id();
            return ++ran;
        });
        b.start(w, [&] {
            second = std::this_thread::get_id();
            return ++ran;
        });
        w.drain();
        CHECK(first == second);
        CHECK(first != std::this_thread::get_id());
        CHECK(wait_for(a).value == 1);
        CHECK(wait_for(b).value == 2);
        JobSlot<int> slow, queued;
        slow.start(w, [gate, &started, &ran] {
            started.set_value();
            gate.wait(); // until the queued job is thrown away
            return ++ran;
        });
        // The queued job owns a token that opens the gate when the job is destroyed unrun:
        // only ~Worker dropping the queue lets `slow` finish.
        std::shared_ptr<void> token(nullptr, [&release](void*) { release.set_value(); });
        queued.start(w, [token, &ran] { return ran += 100; });
        token.reset();
        started.get_future().wait();
    } // ~Worker: drops `queued`, lets `slow` finish, joins
    CHECK(ran == 3);
}
