// Runs every registered benchmark whose name contains the optional filter argument.
#include "bench.hpp"

#include <cstring>

namespace ctrail::bench {
std::vector<Registration>& registry() {
    static std::vector<Registration> r;
    return r;
}
} // namespace ctrail::bench

int main(int argc, char** argv) {
    const char* filter = argc > 1 ? argv[1] : "";
    for (const auto& b : ctrail::bench::registry()) {
        if (std::strstr(b.name, filter) == nullptr) continue;
        std::printf("== %s\n", b.name);
        b.run();
    }
    return 0;
}
