// `carbontrail --hash-pin`: reads the admin PIN from standard input (twice, not echoed, on a
// terminal) and prints the config line `admin_pin = $argon2id$...` for kiosk.conf.
#pragma once

#include <cstdio>

namespace ctrail::platform {

// Exit code: 0 printed, 2 not a PIN of 4 to 12 digits (or the two entries differ), 1 failure.
int run_hash_pin(std::FILE* in, std::FILE* out);

} // namespace ctrail::platform
