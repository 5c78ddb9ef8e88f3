// Every ctrail command: one function per file (cmd_<name>.cpp), registered in dispatch.cpp.
// A command returns the exit code (0 ok, 1 error); usage errors are thrown as UsageError (exit 2).
#pragma once

#include "args.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace ctrail::cli {

struct Command {
    const char* name;
    const char* summary;
    const char* usage; // full --help text
    int (*run)(const std::vector<std::string>& argv, std::ostream& out);
};

int cmd_build(const std::vector<std::string>& argv, std::ostream& out);
int cmd_info(const std::vector<std::string>& argv, std::ostream& out);
int cmd_accounts(const std::vector<std::string>& argv, std::ostream& out);
int cmd_transfers(const std::vector<std::string>& argv, std::ostream& out);
int cmd_export(const std::vector<std::string>& argv, std::ostream& out);
int cmd_trace(const std::vector<std::string>& argv, std::ostream& out);
int cmd_headline(const std::vector<std::string>& argv, std::ostream& out);
int cmd_validate(const std::vector<std::string>& argv, std::ostream& out);
int cmd_stats(const std::vector<std::string>& argv, std::ostream& out);
int cmd_compare(const std::vector<std::string>& argv, std::ostream& out);

extern const char* const kBuildUsage;
extern const char* const kInfoUsage;
extern const char* const kAccountsUsage;
extern const char* const kTransfersUsage;
extern const char* const kExportUsage;
extern const char* const kTraceUsage;
extern const char* const kHeadlineUsage;
extern const char* const kValidateUsage;
extern const char* const kStatsUsage;
extern const char* const kCompareUsage;

} // namespace ctrail::cli
