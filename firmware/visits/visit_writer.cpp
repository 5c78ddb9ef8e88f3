#include "visits/visit_writer.hpp"

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
        if (queue_.size() >= options_.capacity) {
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
        log_(4, "visits: the record queue is full (the disk is too slow); dropping records");
    if (wake) wake_.notify_one();
    return kept;
}

void VisitWriter::flush() {
    std::unique_lock lock(mutex_);
    const std::size_t target = enqueued_;
    flush_ = true;
    wake_.notify_one();
    idle_.wait(lock, [&] { return done_ >= target; });
}

std::size_t VisitWriter::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

std::size_t VisitWriter::written() const {
    std::lock_guard lock(mutex_);
    return written_;
}

void VisitWriter::run() {
    using clock = std::chrono::steady_clock;
    bool failing = false;
    auto maintained = clock::now() - options_.maintenance; // maintain at start
    std::vector<VisitRecord> batch;
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
            wake_.wait_for(lock, options_.interval,
                           [&] { return stop_ || flush_ || queue_.size() >= options_.batch; });
            batch.swap(queue_);
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
                log_(4, "visits: cannot save visit records, dropping them until it works again (" +
                            why + ")");
            if (ok && failing && log_) log_(5, "visits: saving visit records again");
            failing = !ok;
            std::lock_guard lock(mutex_);
            (ok ? written_ : dropped_) += batch.size();
            done_ += batch.size();
            if (queue_.empty()) full_logged_ = false;
        }
        batch.clear();
        idle_.notify_all();
        if (stopping) {
            std::lock_guard lock(mutex_);
            if (queue_.empty()) return;
        }
    }
}

} // namespace ctrail::visits
