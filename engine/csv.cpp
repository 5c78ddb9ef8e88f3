#include "csv.hpp"

#include "error.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ctrail {

// The text a CsvStream reads: a regular file mapped read-only (its pages are the kernel's file
// cache, already in memory: a 1 GB Z.csv is not copied into fresh pages first), or a string.
struct CsvText {
    std::string owned;
    void* map = nullptr;
    size_t map_size = 0;
    std::string_view view;
    explicit CsvText(std::string text) : owned(std::move(text)), view(owned) {}
    CsvText(void* mapped, size_t size)
        : map(mapped), map_size(size), view(static_cast<const char*>(mapped), size) {}
    ~CsvText() {
        if (map) munmap(map, map_size);
    }
    CsvText(const CsvText&) = delete;
    CsvText& operator=(const CsvText&) = delete;
};

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string shortest_number(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

double parse_number(std::string_view s, const std::string& file, int line,
                    const std::string& column) {
    if (s.empty()) throw ModelError(file, line, "empty value in column '" + column + "'");
    // from_chars is the fast path (a 100 x 40 bundle has 16 million numbers); strtod keeps
    // accepting what it always did (a leading '+' or blank, hexadecimal floats).
    double v = 0;
    const char* const last = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(s.data(), last, v);
    if (ec != std::errc() || ptr != last) {
        const std::string copy(s); // strtod needs the terminating NUL
        char* e = nullptr;
        errno = 0;
        v = std::strtod(copy.c_str(), &e);
        if (e != copy.c_str() + copy.size())
            throw ModelError(file, line,
                             "'" + copy + "' in column '" + column + "' is not a number");
    }
    if (!std::isfinite(v))
        throw ModelError(file, line,
                         "value '" + std::string(s) + "' in column '" + column + "' is not finite");
    return v;
}

namespace {

std::string read_file(const std::string& path) {
    // One read of the whole file into one buffer (no stream copies: Z.csv can be 1 GB).
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw ModelError(path, 0, "cannot open file");
    std::string text;
    char buf[1 << 16];
    if (std::fseek(f, 0, SEEK_END) == 0) {
        const long size = std::ftell(f);
        if (size > 0) text.reserve(static_cast<size_t>(size));
        std::rewind(f);
    }
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, got);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) throw ModelError(path, 0, "cannot open file");
    return text;
}

} // namespace

CsvStream CsvStream::open(const std::string& path) {
    // Mapped when it is a non-empty regular file; anything else (and every error) is read, so
    // the messages stay read_file's.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        struct stat st {};
        void* mapped = MAP_FAILED;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
            mapped = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        ::close(fd);
        if (mapped != MAP_FAILED)
            return CsvStream(
                std::make_shared<const CsvText>(mapped, static_cast<size_t>(st.st_size)), path);
    }
    return CsvStream(read_file(path), path);
}

CsvStream::CsvStream(std::string text, std::string name)
    : CsvStream(std::make_shared<const CsvText>(std::move(text)), std::move(name)) {}

CsvStream::CsvStream(std::shared_ptr<const CsvText> text, std::string name)
    : text_(std::move(text)), name_(std::make_shared<const std::string>(std::move(name))) {
    if (text_->view.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3; // UTF-8 byte-order mark
    bool found = false;
    while (!found && read_record()) found = !(cells_.size() == 1 && cells_[0].empty());
    if (!found) throw ModelError(*name_, 1, "file is empty: a header row is required");
    auto header = std::make_shared<std::vector<std::string>>(cells_.begin(), cells_.end());
    auto index = std::make_shared<std::unordered_map<std::string, int>>();
    for (size_t c = 0; c < header->size(); ++c)
        if (!index->emplace((*header)[c], static_cast<int>(c)).second)
            throw ModelError(*name_, line_, "duplicate column '" + (*header)[c] + "'");
    header_ = std::move(header);
    index_ = std::move(index);
    body_ = pos_;
    body_line_ = next_line_;
}

CsvStream CsvStream::restart() const {
    CsvStream s;
    s.text_ = text_;
    s.end_ = end_;
    s.name_ = name_;
    s.header_ = header_;
    s.index_ = index_;
    s.pos_ = s.body_ = body_;
    s.next_line_ = s.body_line_ = body_line_;
    return s;
}

std::vector<CsvStream> CsvStream::split(int parts) const {
    const std::string_view all = text_->view.substr(0, end_);
    const std::string_view body = all.substr(body_);
    constexpr size_t kMinPiece = size_t(1) << 20; // below 1 MB a thread costs more than it saves
    auto has = [&body](char c) { return std::memchr(body.data(), c, body.size()) != nullptr; };
    if (parts < 2 || body.size() < kMinPiece * static_cast<size_t>(parts) || has('"') || has('\r'))
        return {restart()};
    std::vector<CsvStream> out;
    size_t start = body_;
    int line = body_line_;
    for (int p = 0; p < parts; ++p) {
        size_t end = all.size();
        if (p + 1 < parts) {
            end = all.find('\n', body_ + body.size() * static_cast<size_t>(p + 1) /
                                             static_cast<size_t>(parts));
            end = end == std::string_view::npos ? all.size() : end + 1;
        }
        if (end <= start) continue;
        CsvStream s = restart();
        s.pos_ = s.body_ = start;
        s.next_line_ = s.body_line_ = line;
        s.end_ = end;
        out.push_back(std::move(s));
        // Without quotes every line is one record: the next piece's first line follows.
        line += static_cast<int>(std::count(all.data() + start, all.data() + end, '\n'));
        start = end;
    }
    return out;
}

bool CsvStream::read_record() {
    const std::string_view text = text_->view.substr(0, end_);
    const std::string& name = *name_;
    if (pos_ >= text.size()) return false;
    size_t i = pos_;
    int line = next_line_;
    line_ = line;
    cells_.clear();
    unescaped_.clear();
    for (bool end_of_record = false; !end_of_record;) {
        if (i < text.size() && text[i] == '"') {
            ++i;
            const size_t start = i;
            std::string* own = nullptr; // only when the field has a doubled quote
            for (;;) {
                if (i >= text.size()) throw ModelError(name, line_, "unterminated quoted field");
                const char c = text[i++];
                if (c == '"') {
                    if (i < text.size() && text[i] == '"') {
                        if (!own) own = &unescaped_.emplace_back(text.substr(start, i - start - 1));
                        own->push_back('"');
                        ++i;
                    } else {
                        break;
                    }
                } else {
                    if (c == '\n') ++line;
                    if (own) own->push_back(c);
                }
            }
            cells_.push_back(own ? std::string_view(*own) : text.substr(start, i - 1 - start));
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                throw ModelError(name, line, "unexpected character after a quoted field");
        } else {
            const size_t start = i;
            while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                if (text[i] == '"') throw ModelError(name, line, "quote inside an unquoted field");
                ++i;
            }
            cells_.push_back(text.substr(start, i - start));
        }
        if (i >= text.size()) {
            end_of_record = true;
        } else if (text[i] == ',') {
            ++i;
        } else {
            if (text[i] == '\r') ++i;
            if (i < text.size() && text[i] == '\n') ++i;
            ++line;
            end_of_record = true;
        }
    }
    pos_ = i;
    next_line_ = line;
    return true;
}

bool CsvStream::next() {
    while (read_record()) {
        if (cells_.size() == 1 && cells_[0].empty()) continue; // a blank line
        if (cells_.size() != header_->size())
            throw ModelError(*name_, line_,
                             "expected " + std::to_string(header_->size()) + " fields, found " +
                                 std::to_string(cells_.size()));
        return true;
    }
    return false;
}

double CsvStream::number(int column) const {
    return parse_number(cell(column), *name_, line_, (*header_)[static_cast<size_t>(column)]);
}

double CsvStream::progress() const {
    return text_->view.empty()
               ? 0.0
               : static_cast<double>(pos_) / static_cast<double>(text_->view.size());
}

int CsvStream::column(const std::string& header, bool required) const {
    auto it = index_->find(header);
    if (it != index_->end()) return it->second;
    if (required) throw ModelError(*name_, 1, "missing column '" + header + "'");
    return -1;
}

void CsvStream::require(const std::vector<std::string>& headers) const {
    for (const auto& h : headers) column(h);
}

CsvTable CsvTable::read(const std::string& path) {
    return from(CsvStream::open(path));
}

CsvTable CsvTable::parse(const std::string& text, const std::string& name) {
    return from(CsvStream(text, name));
}

CsvTable CsvTable::from(CsvStream s) {
    CsvTable t;
    t.name_ = s.name();
    t.header_ = s.header();
    for (size_t c = 0; c < t.header_.size(); ++c)
        t.index_.emplace(t.header_[c], static_cast<int>(c));
    while (s.next()) {
        CsvRow row;
        row.line = s.line();
        row.cells.reserve(t.header_.size());
        for (size_t c = 0; c < t.header_.size(); ++c)
            row.cells.emplace_back(s.cell(static_cast<int>(c)));
        t.rows_.push_back(std::move(row));
    }
    return t;
}

int CsvTable::column(const std::string& header, bool required) const {
    auto it = index_.find(header);
    if (it != index_.end()) return it->second;
    if (required) throw ModelError(name_, 1, "missing column '" + header + "'");
    return -1;
}

void CsvTable::require(const std::vector<std::string>& headers) const {
    for (const auto& h : headers) column(h);
}

const std::string& CsvTable::cell(const CsvRow& row, int column) const {
    return row.cells.at(static_cast<size_t>(column));
}

double CsvTable::number(const CsvRow& row, int column) const {
    return parse_number(cell(row, column), name_, row.line, header_[static_cast<size_t>(column)]);
}

} // namespace ctrail
