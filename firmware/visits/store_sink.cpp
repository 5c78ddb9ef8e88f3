#include "visits/store_sink.hpp"

namespace ctrail::visits {

StoreSink::StoreSink(VisitStore store, StoreSinkOptions options)
    : store_(std::move(store)), options_(std::move(options)), last_durable_(options_.wall_clock()) {
}

void StoreSink::write(const std::vector<VisitRecord>& batch) {
    store_.write(batch);
    // A clock set backwards also counts as due, so a wrong clock cannot postpone durability.
    const std::time_t now = options_.wall_clock();
    if (now - last_durable_ >= options_.durable_every.count() || now < last_durable_) {
        // A failed checkpoint throws: the writer keeps the batch and retries (the write is an
        // upsert by visit key, so writing it twice changes nothing).
        store_.checkpoint();
        last_durable_ = now;
    }
}

void StoreSink::maintain() {
    const int pruned = store_.prune(options_.retention_days, options_.wall_clock());
    if (pruned && options_.log)
        options_.log(6, "visits: deleted " + std::to_string(pruned) + " visits older than " +
                            std::to_string(options_.retention_days) + " days");
}

} // namespace ctrail::visits
