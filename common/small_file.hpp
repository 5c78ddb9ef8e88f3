// Reads a small text asset (a text table, a content table, the map) whole, refusing what is not
// one: a folder (an ifstream "opens" it and reads nothing), an unreadable file, or one larger
// than the reader's limit (a 1 GB file would otherwise be read into memory on a 1 GB Pi).
// Errors are the caller's FileError subclass, "file:0: problem".
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace ctrail {

template <class Error>
std::string read_small_file(const std::string& path, std::uintmax_t max_bytes, const char* what) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (st.type() == fs::file_type::not_found)
        throw Error(path, 0, std::string("cannot open the ") + what + ": no such file");
    if (ec) throw Error(path, 0, std::string("cannot open the ") + what + ": " + ec.message());
    if (fs::is_directory(st))
        throw Error(path, 0, std::string("cannot open the ") + what + ": it is a folder");
    if (fs::is_regular_file(st)) {
        const std::uintmax_t size = fs::file_size(path, ec);
        if (!ec && size > max_bytes)
            throw Error(path, 0,
                        std::string("the ") + what + " is too large (" + std::to_string(size) +
                            " bytes; at most " + std::to_string(max_bytes) + ")");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path, 0, std::string("cannot open the ") + what + ": " + std::strerror(errno));
    std::string text;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) // a pipe or device has no size to check first
            throw Error(path, 0,
                        std::string("the ") + what + " is too large (more than " +
                            std::to_string(max_bytes) + " bytes)");
    }
    if (in.bad()) throw Error(path, 0, std::string("cannot read the ") + what);
    return text;
}

} // namespace ctrail
