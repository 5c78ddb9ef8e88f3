// carbontrail: the exhibit's entry point. Everything else is in platform/ (SDL glue, the run
// loop, scripted visitors) and ui/ (the screens).
#include "check_content.hpp"
#include "check_model.hpp"
#include "exhibit_runner.hpp"
#include "hash_pin_command.hpp"
#include "options.hpp"
#include "visitor_script.hpp"

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace ctrail::platform;
    Options options;
    try {
        options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "carbontrail: %s\n", e.what());
        return 2;
    }
    if (options.help) {
        std::fputs(usage_text(), stdout);
        return 0;
    }
    if (options.hash_pin) return run_hash_pin(stdin, stdout);
    if (options.script_file == "-help") {
        std::fputs(script_help(), stdout);
        return 0;
    }
    try {
        if (!options.check_content.empty()) return check_content(options);
        if (!options.check_model.empty()) return check_model(options.check_model);
        return run_exhibit(options);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "carbontrail: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        log_line(3, std::string("unexpected failure: ") + e.what());
        return 1;
    }
}
