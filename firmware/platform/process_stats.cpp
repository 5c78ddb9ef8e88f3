#include "process_stats.hpp"

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <malloc.h>
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
// From the sanitizer runtime (sanitizer/allocator_interface.h, which Debian's GCC does not ship).
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif
#include <string>

namespace ctrail::platform {

ProcessStats read_process_stats() {
    ProcessStats p;
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmRSS:", 0) == 0) p.rss_kb = std::stol(line.substr(6));
        if (line.rfind("Threads:", 0) == 0) p.threads = std::stoi(line.substr(8));
    }
    std::error_code ec;
    int n = 0;
    for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
        ++n;
    if (!ec) p.fds = n - 1; // the directory iterator's own descriptor
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // The sanitizer's own allocator serves malloc: ask it (RSS there also holds its quarantine
    // of freed blocks and its shadow memory, which fill over a long run).
    p.heap_kb = long(__sanitizer_get_current_allocated_bytes() / 1024);
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    const struct mallinfo2 m = mallinfo2();
    p.heap_kb = long((m.uordblks + m.hblkhd) / 1024);
#endif
    return p;
}

} // namespace ctrail::platform
