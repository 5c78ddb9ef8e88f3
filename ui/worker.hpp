// The app's one background thread, and result slots filled by it. The frame posts a job and
// polls its slot; it never waits. Each start() bumps the slot's generation, so the result of a
// job that was superseded (or cancelled when a visit ended) is dropped, never shown. A job that
// throws returns its message as the slot's error: the UI shows it calmly, nothing crashes.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace ctrail::ui {

class Worker {
  public:
    Worker();
    ~Worker(); // finishes the running job, drops queued ones, joins
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    void post(std::function<void()> job);
    // Blocks until every job posted so far has run (tests and benchmarks; never in a frame).
    void drain();

  private:
    void run();
    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false, running_ = false;
    std::thread thread_; // last: starts after the members it uses exist
};

// What a finished job gave: a value, or the message of what it threw.
template <class T> struct JobOutcome {
    std::optional<T> value;
    std::string error;
};

template <class T> class JobSlot {
  public:
    // Supersedes any job this slot is waiting for. `job` runs on the worker; it must own (or
    // share) everything it reads.
    void start(Worker& worker, std::function<T()> job) {
        std::uint64_t generation;
        {
            std::lock_guard lock(shared_->mutex);
            generation = ++shared_->generation;
            shared_->busy = true;
            shared_->done.reset();
        }
        worker.post([shared = shared_, generation, job = std::move(job)] {
            JobOutcome<T> outcome;
            try {
                outcome.value = job();
            } catch (const std::exception& e) {
                outcome.error = e.what();
            } catch (...) {
                outcome.error = "unknown failure";
            }
            std::lock_guard lock(shared->mutex);
            if (generation == shared->generation) shared->done = std::move(outcome);
        });
    }
    // Forget the pending job: its result will be dropped.
    void cancel() {
        std::lock_guard lock(shared_->mutex);
        ++shared_->generation;
        shared_->busy = false;
        shared_->done.reset();
    }
    bool busy() const {
        std::lock_guard lock(shared_->mutex);
        return shared_->busy;
    }
    // The current job's outcome, once; nullopt while it runs or when idle.
    std::optional<JobOutcome<T>> poll() {
        std::lock_guard lock(shared_->mutex);
        if (!shared_->done) return std::nullopt;
        std::optional<JobOutcome<T>> out = std::move(shared_->done);
        shared_->done.reset();
        shared_->busy = false;
        return out;
    }

  private:
    struct Shared {
        mutable std::mutex mutex;
        std::uint64_t generation = 0;
        bool busy = false;
        std::optional<JobOutcome<T>> done;
    };
    std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
};

} // namespace ctrail::ui
