#include "admin/boot_record.hpp"

#include "admin/atomic_file.hpp"

#include <cstdlib>
#include <fstream>

namespace ctrail::admin {

std::string read_boot_id() {
    const char* env = std::getenv("CTRAIL_BOOT_ID_FILE");
    std::ifstream in(env && *env ? env : "/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    id.erase(0, id.find_first_not_of(" \t\r\n"));
    id.erase(id.find_last_not_of(" \t\r\n") + 1);
    return id;
}

int count_start(const std::filesystem::path& file, const std::string& boot_id, std::string& error) {
    std::string stored;
    int count = 0;
    {
        std::ifstream in(file);
        in >> stored >> count;
        if (!in || stored != boot_id || count < 0) count = 0;
    }
    ++count;
    if (!write_file_atomically(file, boot_id + " " + std::to_string(count) + "\n", error))
        return -1;
    return count;
}

bool write_clock_marker(const std::filesystem::path& file, const std::string& boot_id,
                        std::string& error) {
    if (boot_id.empty()) {
        error = "no boot id: the clock cannot be marked as set";
        return false;
    }
    return write_file_atomically(file, boot_id + "\n", error);
}

} // namespace ctrail::admin
