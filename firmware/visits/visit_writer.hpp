// Gets visit records to disk without ever holding up a frame: enqueue() only appends to a
// bounded queue under a short lock; one writer thread takes the whole queue and writes it as one
// batch (one transaction) every `interval`, or sooner when `batch` records wait. A sink that
// fails (disk full, read-only) or a full queue drops records with one log line per failure
// streak; the exhibit never notices.
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
    std::size_t capacity = 4096; // records waiting; beyond it they are dropped
    std::size_t batch = 64;      // write as soon as this many wait
    std::chrono::milliseconds interval{2000};
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
    // Blocks until everything enqueued so far was written or dropped (tests, shutdown).
    void flush();
    std::size_t dropped() const;
    std::size_t written() const;

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
    bool full_logged_ = false;
    bool flush_ = false; // someone waits in flush(): write now
    bool stop_ = false;
    std::thread thread_;
};

} // namespace ctrail::visits
