#include "bundle.hpp"
#include "commands.hpp"
#include "store.hpp"

#include <ostream>

namespace ctrail::cli {

const char* const kBuildUsage =
    "usage: ctrail build BUNDLE_DIR OUT.sqlite\n\n"
    "Reads the CSV bundle in BUNDLE_DIR (docs/BUNDLE-FORMAT.md), validates it (labels, values,\n"
    "balance, productivity) and writes the model database OUT.sqlite in one transaction.\n"
    "On any error the message names the file, line and problem, and no output file is left.\n";

int cmd_build(const std::vector<std::string>& argv, std::ostream& out) {
    Args args(argv, {}, {});
    const std::string& bundle = args.positional(0, "BUNDLE_DIR");
    const std::string& db = args.positional(1, "OUT.sqlite");
    args.expect_positionals(2);
    Model model = read_bundle(bundle);
    write_database(model, db);
    out << "built " << db << ": " << model.regions.size() << " regions (" << model.domestic_count()
        << " producing), " << model.sectors.size() << " sectors, " << model.categories.size()
        << " final-demand categories, " << model.stressors.size() << " stressors\n";
    return 0;
}

} // namespace ctrail::cli
