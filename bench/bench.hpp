// The bench harness: every bench_*.cpp registers named benchmarks; `bench [FILTER]` runs them
// and prints one line per measurement. Medians of repeated runs, wall-clock milliseconds.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

namespace ctrail::bench {

struct Registration {
    const char* name;
    void (*run)();
};
std::vector<Registration>& registry();
struct Registrar {
    Registrar(const char* name, void (*run)()) { registry().push_back({name, run}); }
};

// Median wall time of `reps` calls of fn, in milliseconds.
inline double median_ms(int reps, const std::function<void()>& fn) {
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        auto a = std::chrono::steady_clock::now();
        fn();
        auto b = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::milli>(b - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

// Median CPU time (this process, every thread: user + system, page faults included) of `reps`
// calls of fn, in milliseconds: on a machine others are loading, wall time also counts theirs.
inline double median_cpu_ms(int reps, const std::function<void()>& fn) {
    auto now = [] {
        timespec t{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
    };
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        const double a = now();
        fn();
        t.push_back(now() - a);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

inline void report(const std::string& what, double value, const char* unit,
                   const std::string& target = "") {
    std::printf("%-58s %12.4f %-5s %s\n", what.c_str(), value, unit, target.c_str());
}

} // namespace ctrail::bench

#define CTRAIL_BENCH(fn)                                                                           \
    static void fn();                                                                              \
    static ::ctrail::bench::Registrar fn##_registrar(#fn, fn);                                     \
    static void fn()
