// One anonymous visit as it is stored: times to the minute in local time, the choices made, the
// screens seen and how it ended. Nothing that identifies a person, no touch coordinates.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

namespace ctrail::visits {

struct VisitRecord {
    std::int64_t key = 0;       // random per visit: lets a later snapshot replace an earlier one
    std::string start_local;    // "YYYY-MM-DD HH:MM", local time
    std::string end_local;      // the last thing that happened (the end, once ended)
    int duration_s = 0;         // by the exhibit's clock, start to end
    bool clock_trusted = false; // the system clock was synchronised at the start
    std::vector<std::string> languages; // in order of first use: "en", "zh"
    std::string region;                 // home province (model code), "" when none chosen
    std::vector<std::string> products;  // content ids, in order of first trace
    int deepest_step = 0;               // deepest trail step reached, 0 = none
    std::vector<std::string> screens;   // screens seen in order ("region", "product", ...)
    int back_uses = 0, home_uses = 0;
    std::string end_reason; // finished | home | idle | restart | admin; "" while open

    // Where the visit was when it ended (the last screen seen, "attract" when none).
    std::string end_screen() const { return screens.empty() ? "attract" : screens.back(); }
    bool reached_big_picture() const;
};

// "YYYY-MM-DD HH:MM" in local time.
std::string local_minute(std::time_t t);
// The comma-joined list the store keeps ("en,zh"), and back.
std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list(const std::string& text);

} // namespace ctrail::visits
