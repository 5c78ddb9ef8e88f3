#include "visits/visit_recorder.hpp"

#include "visits/visit_store.hpp"

namespace ctrail::visits {

namespace {

class StoreSink : public VisitSink {
  public:
    StoreSink(VisitStore store, int retention_days, std::function<std::time_t()> wall,
              VisitWriter::Log log)
        : store_(std::move(store)), days_(retention_days), wall_(std::move(wall)),
          log_(std::move(log)) {}
    void write(const std::vector<VisitRecord>& batch) override { store_.write(batch); }
    void maintain() override {
        const int pruned = store_.prune(days_, wall_());
        if (pruned && log_)
            log_(6, "visits: deleted " + std::to_string(pruned) + " visits older than " +
                        std::to_string(days_) + " days");
    }

  private:
    VisitStore store_;
    int days_;
    std::function<std::time_t()> wall_;
    VisitWriter::Log log_;
};

} // namespace

VisitRecorder::VisitRecorder(RecorderOptions o)
    : options_(std::move(o)), keys_(std::random_device{}()) {
    if (!options_.wall_clock) options_.wall_clock = [] { return std::time(nullptr); };
    VisitStore store = VisitStore::open(options_.database, true);
    if (const int open = store.close_open_visits(); open && options_.log)
        options_.log(5, "visits: " + std::to_string(open) +
                            " visit(s) left open by the previous run ended as 'restart'");
    writer_ = std::make_unique<VisitWriter>(
        std::make_unique<StoreSink>(std::move(store), options_.retention_days, options_.wall_clock,
                                    options_.log),
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
