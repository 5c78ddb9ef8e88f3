#include "hash_pin_command.hpp"

#include "admin/admin_pin.hpp"

#include <stdexcept>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace ctrail::platform {

namespace {

// One line without its newline; echo off while it is typed on a terminal.
bool read_line(std::FILE* in, bool tty, const char* prompt, std::string& line) {
    termios old{};
    if (tty) {
        std::fputs(prompt, stderr);
        std::fflush(stderr);
        tcgetattr(fileno(in), &old);
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fileno(in), TCSAFLUSH, &quiet);
    }
    line.clear();
    int c = 0;
    while ((c = std::fgetc(in)) != EOF && c != '\n') line += char(c);
    if (tty) {
        tcsetattr(fileno(in), TCSAFLUSH, &old);
        std::fputc('\n', stderr);
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return c != EOF || !line.empty();
}

} // namespace

int run_hash_pin(std::FILE* in, std::FILE* out) {
    const bool tty = isatty(fileno(in));
    std::string pin, again;
    if (!read_line(in, tty, "Admin PIN (4 to 12 digits): ", pin)) {
        std::fputs("carbontrail: --hash-pin: no PIN on standard input\n", stderr);
        return 2;
    }
    if (!admin::is_valid_pin(pin)) {
        std::fputs("carbontrail: --hash-pin: a PIN is 4 to 12 digits (the PIN pad has only "
                   "digits)\n",
                   stderr);
        return 2;
    }
    if (tty && (!read_line(in, tty, "The same PIN again: ", again) || again != pin)) {
        std::fputs("carbontrail: --hash-pin: the two PINs differ; nothing printed\n", stderr);
        return 2;
    }
    try {
        std::fprintf(out, "admin_pin = %s\n", admin::hash_pin(pin).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "carbontrail: --hash-pin: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace ctrail::platform
