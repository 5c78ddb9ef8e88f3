// The one error type for a bad input file: it names the file, the line (0 when not tied to one)
// and the problem, "FILE:LINE: problem", so whoever edits the file can fix it directly. The
// model bundle reader (ModelError), the text tables, the map asset and the content tables all
// throw it (as their own subclasses, so a caller can still tell them apart).
#pragma once

#include <stdexcept>
#include <string>

namespace ctrail {

class FileError : public std::runtime_error {
  public:
    FileError(std::string file, int line, const std::string& problem)
        : std::runtime_error(format(file, line, problem)), file_(std::move(file)), line_(line),
          problem_(problem) {}
    explicit FileError(const std::string& problem) : FileError("", 0, problem) {}

    const std::string& file() const { return file_; }
    int line() const { return line_; }
    const std::string& problem() const { return problem_; }

  private:
    static std::string format(const std::string& file, int line, const std::string& problem) {
        // Appends one piece at a time (GCC 12 warns falsely on chained temporaries at -O2).
        std::string s;
        if (!file.empty()) {
            s.append(file);
            if (line > 0) s.append(":").append(std::to_string(line));
            s.append(": ");
        }
        s.append(problem);
        return s;
    }
    std::string file_;
    int line_;
    std::string problem_;
};

} // namespace ctrail
