// A result slot filled off the UI thread (std::async): the frame polls it and never waits.
// Starting a new job abandons the running one; abandoned futures are parked and reaped once
// finished, so no destructor blocks a frame (std::async futures join in their destructor).
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <optional>
#include <vector>

namespace ctrail::ui {

template <class T> class AsyncResult {
  public:
    ~AsyncResult() = default; // joins running jobs (shutdown may wait for one trace)

    void start(std::function<T()> job) {
        if (current_.valid()) parked_.push_back(std::move(current_));
        current_ = std::async(std::launch::async, std::move(job));
        reap();
    }
    bool busy() const { return current_.valid(); }
    // The finished result, once; nullopt while running or when idle.
    std::optional<T> poll() {
        reap();
        if (!current_.valid()) return std::nullopt;
        if (current_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return std::nullopt;
        return current_.get();
    }
    // Blocks until the current job is done (benchmarks and tests only, never in a frame).
    std::optional<T> wait() {
        if (!current_.valid()) return std::nullopt;
        return current_.get();
    }

  private:
    void reap() {
        std::erase_if(parked_, [](std::future<T>& f) {
            return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
        });
    }
    std::future<T> current_;
    std::vector<std::future<T>> parked_;
};

} // namespace ctrail::ui
