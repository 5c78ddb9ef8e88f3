// The exhibit's one writable folder (default /var/lib/carbontrail; the rest of the system may
// be a read-only overlay root). Every file the program writes goes through DataDir::file(),
// which refuses paths that would escape the folder.
//
// What firmware/main.cpp must do:
//   std::string err;
//   auto dir = DataDir::open(resolve_data_dir(cli_data_dir, cfg.data_dir), err);
//   if (!dir) { log_error(err); keep running WITHOUT writing (no analytics/settings saved) —
//              the visitor must still get a working exhibit }
//   later: dir->file("analytics/2026-01.csv") -> an absolute path under the folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ctrail::kiosk {

inline constexpr const char* kDefaultDataDir = "/var/lib/carbontrail";
inline constexpr const char* kDataDirEnv = "CARBONTRAIL_DATA_DIR";

// Which folder to use: an explicit one (command line) if non-empty, else $CARBONTRAIL_DATA_DIR
// if set and non-empty, else the configured one.
std::filesystem::path resolve_data_dir(const std::filesystem::path& explicit_dir,
                                       const std::filesystem::path& configured);

class DataDir {
  public:
    // Creates the folder (and parents) if missing and checks that a file can be created in it.
    // On failure returns nullopt and sets `error` to a message naming the folder, the user,
    // the system error and the fix.
    static std::optional<DataDir> open(const std::filesystem::path& dir, std::string& error);

    const std::filesystem::path& root() const { return root_; }

    // root()/relative, creating its parent folders. nullopt (and `error` set) when `relative`
    // is absolute, contains "..", or the parent cannot be created.
    std::optional<std::filesystem::path> file(std::string_view relative, std::string& error) const;

  private:
    explicit DataDir(std::filesystem::path root) : root_(std::move(root)) {}
    std::filesystem::path root_;
};

} // namespace ctrail::kiosk
