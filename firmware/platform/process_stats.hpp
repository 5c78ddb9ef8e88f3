// The process's own resource use, from /proc/self: what the soak watches for leaks.
#pragma once

namespace ctrail::platform {

struct ProcessStats {
    long rss_kb = -1; // VmRSS
    int threads = -1; // Threads
    int fds = -1;     // entries in /proc/self/fd (the listing's own descriptor excluded)
};

ProcessStats read_process_stats();

} // namespace ctrail::platform
