// Helpers shared by the fuzz targets: the input as text, and a multi-file input split into
// named parts ("=== NAME" on a line of its own starts a part), so one libFuzzer input can hold
// a whole bundle or both content tables and the fuzzer can mutate the names too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace ctrail::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Text before the first marker is ignored; a repeated name keeps its last part.
inline std::map<std::string, std::string> split_parts(std::string_view text) {
    std::map<std::string, std::string> parts;
    std::string* current = nullptr;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (line.substr(0, 4) == "=== ") {
            current = &parts[std::string(line.substr(4))];
            current->clear();
        } else if (current) {
            current->append(line);
            if (end < text.size()) current->push_back('\n');
        }
        pos = end + 1;
    }
    return parts;
}

} // namespace ctrail::fuzz
