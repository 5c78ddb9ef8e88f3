// `carbontrail --check-model FILE`: opens a model database exactly as the exhibit does (its
// application_id, schema version and tables) before carbontrail-update installs it.
#pragma once

#include <string>

namespace ctrail::platform {

// Prints a one-line summary and returns 0, or prints "FILE:0: problem" to stderr and returns 1.
int check_model(const std::string& path);

} // namespace ctrail::platform
