#include "bundle_writer.hpp"
#include "commands.hpp"
#include "store.hpp"

#include <ostream>

namespace ctrail::cli {

const char* const kExportUsage =
    "usage: ctrail export MODEL.sqlite OUT_DIR\n\n"
    "Writes the model back out as a CSV bundle (docs/BUNDLE-FORMAT.md), for checking the\n"
    "numbers in a spreadsheet or loading them into another tool. `ctrail build OUT_DIR` of\n"
    "the result gives the same model.\n";

int cmd_export(const std::vector<std::string>& argv, std::ostream& out) {
    Args args(argv, {}, {});
    const std::string& db = args.positional(0, "MODEL.sqlite");
    const std::string& dir = args.positional(1, "OUT_DIR");
    args.expect_positionals(2);
    write_bundle(read_database(db), dir);
    out << "exported " << db << " to " << dir << '\n';
    return 0;
}

} // namespace ctrail::cli
