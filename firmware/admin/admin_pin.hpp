// The admin PIN: stored as a salted, slow argon2id hash (libsodium's crypto_pwhash_str), made by
// `carbontrail --hash-pin`; the older `admin_pin_sha256` key is still accepted (deprecated).
// Every comparison is constant-time. Verifying takes a noticeable fraction of a second by design:
// call verify_pin off the UI thread.
#pragma once

#include <string>
#include <string_view>

namespace ctrail::admin {

// How the configured PIN is stored; kind none = admin mode is off.
struct PinCheck {
    enum class Kind { none, argon2id, sha256 };
    Kind kind = Kind::none;
    std::string value; // the crypto_pwhash_str line, or 64 lowercase hex digits
};

// Costs tuned so a Pi 4 verifies in well under a second (docs/INSTALL-PI.md, measured figures).
inline constexpr unsigned long long kPinOpsLimit = 2;
inline constexpr std::size_t kPinMemLimit = 32u * 1024 * 1024;

// A fresh salted hash of `pin` ("$argon2id$v=19$m=32768,t=2,p=1$..."). Throws std::runtime_error
// when libsodium cannot (out of memory) or the PIN is not 4 to 12 digits.
std::string hash_pin(std::string_view pin);

// What `carbontrail --hash-pin` accepts: 4 to 12 decimal digits (the PIN pad has only digits).
bool is_valid_pin(std::string_view pin);

// True when `pin` matches. Constant-time in the stored value; false for Kind::none.
bool verify_pin(const PinCheck& check, std::string_view pin);

// The check from the config: admin_pin (argon2id) wins over the deprecated admin_pin_sha256.
PinCheck pin_check_from_config(const std::string& admin_pin, const std::string& admin_pin_sha256);

} // namespace ctrail::admin
