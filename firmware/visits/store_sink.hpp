// The writer's sink for the real database: each batch is one transaction in the VisitStore,
// housekeeping prunes old visits, and what was written is made durable at least every
// `durable_every`. With WAL and synchronous=NORMAL a commit reaches the card only when the WAL
// is synced, i.e. at a checkpoint; the checkpoint here bounds what a power cut can take to the
// commits of the last `durable_every` (docs/ANALYTICS.md, "Durability").
#pragma once

#include "visits/visit_store.hpp"
#include "visits/visit_writer.hpp"

#include <chrono>
#include <ctime>
#include <functional>

namespace ctrail::visits {

struct StoreSinkOptions {
    int retention_days = 400;
    std::chrono::seconds durable_every{60};
    std::function<std::time_t()> wall_clock; // prune cut-off and checkpoint timing
    VisitWriter::Log log;
};

class StoreSink : public VisitSink {
  public:
    StoreSink(VisitStore store, StoreSinkOptions options);
    void write(const std::vector<VisitRecord>& batch) override;
    void maintain() override;

  private:
    VisitStore store_;
    StoreSinkOptions options_;
    std::time_t last_durable_;
};

} // namespace ctrail::visits
