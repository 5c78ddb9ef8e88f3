// Gets visit records to disk without ever holding up a frame: enqueue() only appends to a
// bounded queue under a short lock; one writer thread takes the whole queue and writes it as one
// batch (one transaction) every `interval`, or sooner when `batch` records wait. When the sink
// fails (disk full, read-only, I/O error) the writer keeps the records in memory (at most
// `capacity`, beyond that new ones are dropped) and retries with a doubling back-off until it
// works again: one log line when a failure streak starts, one when it ends, none per visit. The
// exhibit never notices.
#pragma once

#include "visits/visit_record.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ctrail::visits {

// Where batches go: the store, or a test's fake. Called on the writer thread only.
class VisitSink {
  public:
    virtual ~VisitSink() = default;
    virtual void write(const std::vector<VisitRecord>& batch) = 0; // throws on failure
    // Housekeeping on the writer thread (at start, then every `maintenance` period).
    virtual void maintain() {}
};

struct WriterOptions {
    // Records held in memory (waiting, or kept while the disk fails); beyond it new ones are
    // dropped. A record takes under 1 KB with its lists, so 4096 hold at most about 4 MB.
    std::size_t capacity = 4096;
    std::size_t batch = 64; // write as soon as this many wait
    std::chrono::milliseconds interval{2000};
    // After a failed write: retry after `retry_first`, doubling up to `retry_max`.
    std::chrono::milliseconds retry_first{2000};
    std::chrono::milliseconds retry_max{300000};
    std::chrono::hours maintenance{24};
};

class VisitWriter {
  public:
    using Log = std::function<void(int level, const std::string& message)>;
    VisitWriter(std::unique_ptr<VisitSink> sink, Log log, WriterOptions options = {});
    // Writes what waits, then stops the thread.
    ~VisitWriter();
    VisitWriter(const VisitWriter&) = delete;
    VisitWriter& operator=(const VisitWriter&) = delete;

    // From the frame: never waits for the disk. False when the record was dropped (queue full).
    bool enqueue(VisitRecord record);
    // Blocks until everything enqueued so far was written or dropped, or until a write attempt
    // made after the call failed (the records are then kept for the retry). Tests, shutdown.
    void flush();
    std::size_t dropped() const;
    std::size_t written() const;
    std::size_t held() const; // records in memory, waiting or kept for a retry
    bool failing() const;     // the last write attempt failed

  private:
    void run();

    std::unique_ptr<VisitSink> sink_;
    Log log_;
    WriterOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::vector<VisitRecord> queue_;
    std::size_t enqueued_ = 0, done_ = 0; // records handed to the writer / finished
    std::size_t dropped_ = 0, written_ = 0;
    std::size_t kept_ = 0;     // records the writer thread keeps after a failed attempt
    std::size_t attempts_ = 0; // write attempts finished
    bool failing_ = false;
    bool full_logged_ = false;
    bool flush_ = false; // someone waits in flush(): write now
    bool stop_ = false;
    std::thread thread_;
};

} // namespace ctrail::visits
