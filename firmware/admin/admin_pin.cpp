#include "admin/admin_pin.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace ctrail::admin {

namespace {

void init_sodium() {
    // Idempotent and thread-safe after the first call; -1 only without a random source.
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start (no random source)");
}

} // namespace

bool is_valid_pin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string hash_pin(std::string_view pin) {
    if (!is_valid_pin(pin)) throw std::runtime_error("a PIN is 4 to 12 digits");
    init_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), kPinOpsLimit, kPinMemLimit) != 0)
        throw std::runtime_error("not enough memory to hash the PIN");
    return out;
}

bool verify_pin(const PinCheck& check, std::string_view pin) {
    switch (check.kind) {
    case PinCheck::Kind::none:
        return false;
    case PinCheck::Kind::argon2id:
        init_sodium();
        // Compares the derived keys in constant time itself.
        return crypto_pwhash_str_verify(check.value.c_str(), pin.data(), pin.size()) == 0;
    case PinCheck::Kind::sha256: {
        init_sodium();
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(pin.data()), pin.size());
        unsigned char stored[crypto_hash_sha256_BYTES];
        std::size_t len = 0;
        if (sodium_hex2bin(stored, sizeof stored, check.value.data(), check.value.size(), nullptr,
                           &len, nullptr) != 0 ||
            len != sizeof stored)
            return false;
        return sodium_memcmp(digest, stored, sizeof stored) == 0;
    }
    }
    return false;
}

PinCheck pin_check_from_config(const std::string& admin_pin, const std::string& admin_pin_sha256) {
    if (!admin_pin.empty()) return {PinCheck::Kind::argon2id, admin_pin};
    if (!admin_pin_sha256.empty()) return {PinCheck::Kind::sha256, admin_pin_sha256};
    return {};
}

} // namespace ctrail::admin
