#include "admin/admin_pin.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>

using namespace ctrail::admin;

TEST_CASE("a PIN hash is salted argon2id and verifies only the same PIN") {
    const std::string a = hash_pin("2468"), b = hash_pin("2468");
    CHECK(a.rfind("$argon2id$v=19$m=32768,t=2,p=1$", 0) == 0);
    CHECK(a != b); // a fresh salt each time
    const PinCheck check{PinCheck::Kind::argon2id, a};
    CHECK(verify_pin(check, "2468"));
    CHECK(verify_pin({PinCheck::Kind::argon2id, b}, "2468"));
    CHECK_FALSE(verify_pin(check, "2469"));
    CHECK_FALSE(verify_pin(check, "24680"));
    CHECK_FALSE(verify_pin(check, ""));
    CHECK_FALSE(verify_pin({PinCheck::Kind::argon2id, "$argon2id$garbage"}, "2468"));
}

TEST_CASE("hashing refuses what the PIN pad cannot type") {
    CHECK_THROWS_AS(hash_pin("123"), std::runtime_error);
    CHECK_THROWS_AS(hash_pin("1234567890123"), std::runtime_error);
    CHECK_THROWS_AS(hash_pin("12a4"), std::runtime_error);
    CHECK(is_valid_pin("0000"));
    CHECK(is_valid_pin("123456789012"));
}

TEST_CASE("verifying is slow enough to resist guessing, quick enough for a Pi") {
    const PinCheck check{PinCheck::Kind::argon2id, hash_pin("9753")};
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(verify_pin(check, "9753"));
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("argon2id verify: " << s * 1000 << " ms on this machine");
    CHECK(s < 1.0); // a Pi 4 is about 4 to 6 times slower: still well under a second
}

TEST_CASE("the deprecated sha256 key still verifies, in constant time") {
    // printf '%s' 2468 | sha256sum
    const std::string hex = "a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972";
    const PinCheck check = pin_check_from_config("", hex);
    CHECK(check.kind == PinCheck::Kind::sha256);
    CHECK(verify_pin(check, "2468"));
    CHECK_FALSE(verify_pin(check, "2469"));
    CHECK_FALSE(verify_pin(check, ""));
    CHECK_FALSE(verify_pin({PinCheck::Kind::sha256, "not hex"}, "2468"));
    CHECK_FALSE(verify_pin({PinCheck::Kind::sha256, hex.substr(0, 62)}, "2468"));
}

TEST_CASE("admin_pin wins over admin_pin_sha256; neither means admin mode off") {
    CHECK(pin_check_from_config("$argon2id$x", std::string(64, 'a')).kind ==
          PinCheck::Kind::argon2id);
    CHECK(pin_check_from_config("", "").kind == PinCheck::Kind::none);
    CHECK_FALSE(verify_pin({}, "2468"));
}
