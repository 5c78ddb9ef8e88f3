// The process's own resource use, from /proc/self: what the soak watches for leaks.
#pragma once

namespace ctrail::platform {

struct ProcessStats {
    long rss_kb = -1; // VmRSS
    int threads = -1; // Threads
    int fds = -1;     // entries in /proc/self/fd (the listing's own descriptor excluded)
    // Bytes malloc has handed out and not had back (glibc's mallinfo2, or the sanitizer's
    // allocator): tells a growing heap from pages that RSS keeps after they are freed.
    long heap_kb = -1;
};

ProcessStats read_process_stats();

} // namespace ctrail::platform
