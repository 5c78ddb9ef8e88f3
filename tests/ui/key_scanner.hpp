// Finds the text keys that ui/ code passes or stores as keys, for the missing-key test: every
// dotted literal inside tr(...) (ternaries too), in {"model name", "ns.key"} and {"ns.key",
// "why"} tables, assigned to
// or compared with a variable or member named *key / *message, in arrays and loops over *keys,
// and pushed into a *keys vector. Ids ("admin.pin.0") are in none of these places.
#pragma once

#include <string>
#include <vector>

namespace ctrail::ui::test {

struct FoundKey {
    std::string key;
    int line = 0; // 1-based line of `code` where the literal stands
};

std::vector<FoundKey> keys_in_code(const std::string& code);

// Every dotted lower-case literal in `code` ("admin.pin.0", "trail.headline"), key or not.
std::vector<FoundKey> dotted_literals(const std::string& code);

} // namespace ctrail::ui::test
