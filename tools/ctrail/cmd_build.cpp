#include "bundle.hpp"
#include "commands.hpp"
#include "store.hpp"

#include <chrono>
#include <cstdio>
#include <ostream>
#include <unistd.h>

namespace ctrail::cli {

const char* const kBuildUsage =
    "usage: ctrail build BUNDLE_DIR OUT.sqlite\n\n"
    "Reads the CSV bundle in BUNDLE_DIR (docs/BUNDLE-FORMAT.md), validates it (labels, values,\n"
    "balance, productivity) and writes the model database OUT.sqlite in one transaction.\n"
    "On any error the message names the file, line and problem, and no output file is left.\n"
    "When stderr is a terminal and the import takes longer than 2 s, it shows its progress.\n";

namespace {

// Progress on stderr, only for a person watching (a terminal) and only once it is worth it.
class BuildProgress {
  public:
    BuildProgress() : tty_(isatty(fileno(stderr)) != 0), start_(Clock::now()) {}
    ~BuildProgress() {
        if (shown_) std::fputs("\r\033[K", stderr);
    }
    void operator()(const std::string& step, double fraction) {
        if (!tty_ || Clock::now() - start_ < std::chrono::seconds(2)) return;
        shown_ = true;
        std::fprintf(stderr, "\r\033[Kctrail build: %s %3.0f%%", step.c_str(), 100 * fraction);
        std::fflush(stderr);
    }

  private:
    using Clock = std::chrono::steady_clock;
    bool tty_;
    bool shown_ = false;
    Clock::time_point start_;
};

} // namespace

int cmd_build(const std::vector<std::string>& argv, std::ostream& out) {
    Args args(argv, {}, {});
    const std::string& bundle = args.positional(0, "BUNDLE_DIR");
    const std::string& db = args.positional(1, "OUT.sqlite");
    args.expect_positionals(2);
    BuildProgress progress;
    Model model =
        read_bundle(bundle, [&](const std::string& step, double f) { progress(step, f); });
    progress("writing the database and the factorisation", 0);
    write_database(model, db);
    out << "built " << db << ": " << model.regions.size() << " regions (" << model.domestic_count()
        << " producing), " << model.sectors.size() << " sectors, " << model.categories.size()
        << " final-demand categories, " << model.stressors.size() << " stressors\n";
    return 0;
}

} // namespace ctrail::cli
