#include "dispatch.hpp"

#include "commands.hpp"
#include "error.hpp"

#include <iterator>

namespace ctrail::cli {
namespace {

// The command table: add a command here and declare it in commands.hpp.
const Command kCommands[] = {
    {"build", "validate a CSV bundle and write a model database", kBuildUsage, cmd_build},
    {"info", "name, year, sizes, units, provenance and checks of a model", kInfoUsage, cmd_info},
    {"accounts", "territorial and consumption accounts per region", kAccountsUsage, cmd_accounts},
    {"transfers", "emissions by emitting and consuming region", kTransfersUsage, cmd_transfers},
    {"export", "write a model database back out as a CSV bundle", kExportUsage, cmd_export},
    {"trace", "a product's emissions along its supply chains (paths, stages)", kTraceUsage,
     cmd_trace},
    {"headline", "national outside share and, per consumer, the share emitted elsewhere",
     kHeadlineUsage, cmd_headline},
    {"validate", "the model against published figures (Markdown, docs/VALIDATION.md)",
     kValidateUsage, cmd_validate},
    {"compare", "two models of the same regions side by side (e.g. two years), with the change",
     kCompareUsage, cmd_compare},
    {"stats", "the exhibit's visitor analytics (visits.sqlite): text, CSV or an HTML page",
     kStatsUsage, cmd_stats},
};

void overview(std::ostream& out) {
    out << "ctrail: build and inspect Carbon Trail's multi-regional input-output models\n\n"
           "usage: ctrail COMMAND [ARGS...]   (ctrail COMMAND --help for details)\n\ncommands:\n";
    for (const auto& c : kCommands) {
        std::string name = c.name;
        out << "  " << name << std::string(12 - std::min<size_t>(name.size(), 11), ' ') << c.summary
            << '\n';
    }
}

} // namespace

int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    if (argv.empty()) {
        overview(err);
        return 2;
    }
    if (argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
        overview(out);
        return 0;
    }
    for (const auto& c : kCommands) {
        if (argv[0] != c.name) continue;
        std::vector<std::string> rest(std::next(argv.begin()), argv.end());
        for (const auto& a : rest)
            if (a == "--help" || a == "-h") {
                out << c.usage;
                return 0;
            }
        try {
            return c.run(rest, out);
        } catch (const UsageError& e) {
            err << "ctrail " << c.name << ": " << e.what() << "\n\n" << c.usage;
            return 2;
        } catch (const ModelError& e) {
            err << "ctrail " << c.name << ": error: " << e.what() << '\n';
            return 1;
        } catch (const std::exception& e) {
            err << "ctrail " << c.name << ": error: " << e.what() << '\n';
            return 1;
        }
    }
    err << "ctrail: unknown command '" << argv[0] << "'\n\n";
    overview(err);
    return 2;
}

} // namespace ctrail::cli
