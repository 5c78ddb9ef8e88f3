// Opening hours: when the display is lit. The config's `opening_hours` key, e.g.
//   opening_hours = mon-fri 09:00-17:00, sat 10:00-18:00, sun closed
// Items are separated by commas; each names days (mon..sun, a range such as mon-fri, or daily)
// and one or more times HH:MM-HH:MM (24:00 allowed as an end) or `closed`. Days no item names
// are closed; an empty value means always on. Pure: the caller gives the local time.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ctrail::kiosk {

struct OpeningHours {
    bool always_open = true;
    // Per weekday (0 = Monday): [from, to) in minutes since midnight.
    std::array<std::vector<std::pair<int, int>>, 7> days;
};

// nullopt and `error` ("'sat 25:00-18:00': 25:00 is not a time of day") for a bad value.
std::optional<OpeningHours> parse_opening_hours(std::string_view text, std::string& error);

// weekday: 0 = Monday .. 6 = Sunday; minute: 0..1439.
bool is_open(const OpeningHours& hours, int weekday, int minute);

// The same for a time_t in the machine's local time zone.
bool is_open_at(const OpeningHours& hours, long long unix_time);

} // namespace ctrail::kiosk
