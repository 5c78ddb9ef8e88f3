#include "visits/visit_record.hpp"

#include <algorithm>

namespace ctrail::visits {

bool VisitRecord::reached_big_picture() const {
    return std::find(screens.begin(), screens.end(), "big_picture") != screens.end();
}

std::string local_minute(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
    return out;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t comma = text.find(',', at);
        const std::size_t end = comma == std::string::npos ? text.size() : comma;
        if (end > at) out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

} // namespace ctrail::visits
