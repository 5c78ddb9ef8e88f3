// The fresh-page floor of ExhibitModel::open: what touching the memory the exhibit's model must
// hold costs in 4 KiB pages, and in a 2 MB-aligned arena with madvise(MADV_HUGEPAGE) (a no-op
// where transparent huge pages are off). docs/BENCHMARKS.md, "Third pass". A fresh mapping
// each time: separate mallocs would be reused from glibc's heap after the first free here,
// while the kiosk opens its model once, into fresh pages.
#include "bench.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>

namespace {

// LU and A (n = 450), Y (450 x 186), the per-region rows and multipliers, the supplier graph.
constexpr std::size_t kSizes[] = {1620000, 1620000, 669600, 1450800, 111600, 300000};
constexpr std::size_t kHuge = std::size_t(2) << 20;

std::size_t total_bytes() {
    std::size_t t = 0;
    for (std::size_t s : kSizes) t += s;
    return t;
}

void touch_arena(bool huge) {
    const std::size_t len = (total_bytes() + kHuge - 1) / kHuge * kHuge + kHuge;
    void* raw = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) std::abort();
    auto* p = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(raw) + kHuge - 1) / kHuge *
                                      kHuge);
    if (huge)
        madvise(p, len - static_cast<std::size_t>(p - static_cast<char*>(raw)), MADV_HUGEPAGE);
    std::memset(p, 1, total_bytes());
    munmap(raw, len);
}

} // namespace

CTRAIL_BENCH(fresh_pages) {
    const std::string mb = std::to_string(total_bytes() / 100000 / 10.0).substr(0, 3);
    ctrail::bench::report("touch " + mb + " MB in one arena, 4 KiB pages, CPU",
                          ctrail::bench::median_cpu_ms(9, [] { touch_arena(false); }), "ms");
    ctrail::bench::report("touch " + mb + " MB in one 2 MB-aligned MADV_HUGEPAGE arena, CPU",
                          ctrail::bench::median_cpu_ms(9, [] { touch_arena(true); }), "ms");
}
