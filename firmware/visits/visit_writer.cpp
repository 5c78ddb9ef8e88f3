#include "visits/visit_writer.hpp"

#include <algorithm>
#include <iterator>

namespace ctrail::visits {

VisitWriter::VisitWriter(std::unique_ptr<VisitSink> sink, Log log, WriterOptions options)
    : sink_(std::move(sink)), log_(std::move(log)), options_(options) {
    queue_.reserve(options_.capacity);
    thread_ = std::thread([this] { run(); });
}

VisitWriter::~VisitWriter() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

bool VisitWriter::enqueue(VisitRecord record) {
    bool wake = false, log_full = false, kept = true;
    {
        std::lock_guard lock(mutex_);
        ++enqueued_;
        // Records kept for a retry count too: memory stays bounded however long the disk fails.
        if (queue_.size() + kept_ >= options_.capacity) {
            ++dropped_, ++done_;
            kept = false;
            log_full = !full_logged_;
            full_logged_ = true;
        } else {
            queue_.push_back(std::move(record));
            wake = queue_.size() >= options_.batch;
        }
    }
    // The log line is written outside the lock (and only once per streak).
    if (log_full && log_)
        log_(4, "visits: " + std::to_string(options_.capacity) +
                    " records wait in memory (the disk is failing or too slow); dropping new "
                    "records until they are saved");
    if (wake) wake_.notify_one();
    return kept;
}

void VisitWriter::flush() {
    std::unique_lock lock(mutex_);
    const std::size_t target = enqueued_, attempts = attempts_;
    flush_ = true;
    wake_.notify_one();
    idle_.wait(lock, [&] { return done_ >= target || (failing_ && attempts_ > attempts); });
}

std::size_t VisitWriter::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

std::size_t VisitWriter::written() const {
    std::lock_guard lock(mutex_);
    return written_;
}

std::size_t VisitWriter::held() const {
    std::lock_guard lock(mutex_);
    return queue_.size() + kept_;
}

bool VisitWriter::failing() const {
    std::lock_guard lock(mutex_);
    return failing_;
}

void VisitWriter::run() {
    using clock = std::chrono::steady_clock;
    bool failing = false;
    auto backoff = options_.retry_first;
    auto maintained = clock::now() - options_.maintenance; // maintain at start
    std::vector<VisitRecord> batch; // kept across a failed attempt, for the retry
    for (;;) {
        if (clock::now() - maintained >= options_.maintenance) {
            maintained = clock::now();
            try {
                sink_->maintain();
            } catch (const std::exception& e) {
                if (log_) log_(4, std::string("visits: ") + e.what());
            }
        }
        bool stopping;
        {
            std::unique_lock lock(mutex_);
            // While failing, only the back-off (or a flush, or the end) wakes the writer.
            if (failing)
                wake_.wait_for(lock, backoff, [&] { return stop_ || flush_; });
            else
                wake_.wait_for(lock, options_.interval,
                               [&] { return stop_ || flush_ || queue_.size() >= options_.batch; });
            batch.insert(batch.end(), std::make_move_iterator(queue_.begin()),
                         std::make_move_iterator(queue_.end()));
            queue_.clear();
            kept_ = batch.size();
            flush_ = false;
            stopping = stop_;
        }
        if (!batch.empty()) {
            bool ok = true;
            std::string why;
            try {
                sink_->write(batch);
            } catch (const std::exception& e) {
                ok = false;
                why = e.what();
            }
            // One line per streak of failures: a read-only or full disk does not fill the log.
            if (!ok && !failing && log_)
                log_(4, "visits: cannot save visit records; keeping them in memory and retrying "
                        "(" +
                            why + ")");
            if (ok && failing && log_)
                log_(5, "visits: saving visit records again (" + std::to_string(batch.size()) +
                            " kept while the disk failed)");
            backoff = ok        ? options_.retry_first
                      : failing ? std::min(backoff * 2, options_.retry_max)
                                : options_.retry_first;
            failing = !ok;
            const bool lost = !ok && stopping; // shutting down: there is no later retry
            if (lost && log_)
                log_(4, "visits: " + std::to_string(batch.size()) +
                            " visit records could not be saved before the exit");
            std::lock_guard lock(mutex_);
            ++attempts_;
            failing_ = failing;
            if (ok || lost) {
                (ok ? written_ : dropped_) += batch.size();
                done_ += batch.size();
                batch.clear();
            }
            kept_ = batch.size();
            if (queue_.empty() && kept_ == 0) full_logged_ = false;
        }
        idle_.notify_all();
        if (stopping) {
            std::lock_guard lock(mutex_);
            if (queue_.empty() && batch.empty()) return;
        }
    }
}

} // namespace ctrail::visits
