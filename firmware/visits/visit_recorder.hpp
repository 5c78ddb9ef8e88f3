// The exhibit's visit recorder (the session owns one when a data folder is in use): turns the
// UI's visit events into records on the frame thread and hands them to the writer thread, which
// keeps DATA_DIR/visits.sqlite. At open it ends visits a previous run left open ("restart");
// old visits are pruned at start and daily.
#pragma once

#include "visits/clock_trust.hpp"
#include "visits/visit_builder.hpp"
#include "visits/visit_writer.hpp"

#include <visit_events.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <memory>
#include <random>
#include <string>

namespace ctrail::visits {

inline constexpr const char* kVisitsFile = "visits.sqlite"; // in the data folder
inline constexpr int kDefaultRetentionDays = 400;

struct RecorderOptions {
    std::filesystem::path database;             // DATA_DIR/visits.sqlite
    int retention_days = kDefaultRetentionDays; // visits older than this are deleted
    ClockTrustPaths trust;
    VisitWriter::Log log;
    std::function<std::time_t()> wall_clock; // default: time(nullptr)
    std::chrono::seconds durable_every{60};  // WAL checkpoint period (store_sink.hpp)
    WriterOptions writer;
};

class VisitRecorder {
  public:
    // Opens the store (creating and migrating it) and starts the writer. Throws StoreError when
    // the database cannot be opened for writing (the caller logs it and records nothing).
    explicit VisitRecorder(RecorderOptions options);
    // Called by the UI (frame thread): never waits for the disk.
    void on_event(const ui::VisitEvent& e);
    // Waits until everything so far is on disk (tests; the destructor writes the rest too).
    void flush() { writer_->flush(); }
    const VisitWriter& writer() const { return *writer_; }

  private:
    RecorderOptions options_;
    VisitBuilder builder_;
    std::unique_ptr<VisitWriter> writer_;
    std::mt19937_64 keys_;
    bool trusted_ = false; // once synchronised, the clock stays trusted this run
};

} // namespace ctrail::visits
