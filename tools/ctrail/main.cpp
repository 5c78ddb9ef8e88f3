// ctrail: command-line entry point; all work happens in the commands (dispatch.cpp).
#include "dispatch.hpp"

#include <iostream>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return ctrail::cli::run(args, std::cout, std::cerr);
}
