#include "visits/visit_recorder.hpp"

#include "visits/store_sink.hpp"
#include "visits/visit_store.hpp"

namespace ctrail::visits {

VisitRecorder::VisitRecorder(RecorderOptions o)
    : options_(std::move(o)), keys_(std::random_device{}()) {
    if (!options_.wall_clock) options_.wall_clock = [] { return std::time(nullptr); };
    VisitStore store = VisitStore::open(options_.database, true);
    if (const int open = store.close_open_visits(); open && options_.log)
        options_.log(5, "visits: " + std::to_string(open) +
                            " visit(s) left open by the previous run ended as 'restart'");
    writer_ = std::make_unique<VisitWriter>(
        std::make_unique<StoreSink>(
            std::move(store), StoreSinkOptions{options_.retention_days, options_.durable_every,
                                               options_.wall_clock, options_.log}),
        options_.log, options_.writer);
}

void VisitRecorder::on_event(const ui::VisitEvent& e) {
    std::time_t wall = 0;
    std::int64_t key = 0;
    if (e.kind == ui::VisitEvent::Kind::Start) {
        wall = options_.wall_clock();
        key = std::int64_t(keys_() >> 1);
        // Two small file checks (tmpfs and /proc) once per visit, until the clock is synced.
        if (!trusted_) trusted_ = clock_trusted(options_.trust);
    }
    if (auto record = builder_.apply(e, wall, trusted_, key)) writer_->enqueue(std::move(*record));
}

} // namespace ctrail::visits
