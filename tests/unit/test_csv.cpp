#include "csv.hpp"
#include "error.hpp"

#include <doctest/doctest.h>

using namespace ctrail;

TEST_CASE("csv stream: views of every cell, quoted ones unescaped, with their lines") {
    CsvStream s("\xEF\xBB\xBF"
                "a,b,c\r\n"
                "\n"
                "1,\"x, \"\"quoted\"\"\",\"two\nlines\"\n"
                "2,,\"\"\n",
                "t.csv");
    CHECK(s.header() == std::vector<std::string>{"a", "b", "c"});
    CHECK(s.column("c") == 2);
    REQUIRE(s.next());
    CHECK(s.line() == 3);
    CHECK(s.cell(0) == "1");
    CHECK(s.cell(1) == "x, \"quoted\"");
    CHECK(s.cell(2) == "two\nlines");
    CHECK(s.number(0) == 1.0);
    REQUIRE(s.next());
    CHECK(s.line() == 5);
    CHECK(s.cell(1).empty());
    CHECK(s.cell(2).empty());
    CHECK_FALSE(s.next());
    CHECK(s.progress() == 1.0);
    // A second pass sees the same records.
    CsvStream again = s.restart();
    REQUIRE(again.next());
    CHECK(again.line() == 3);
    CHECK(again.cell(1) == "x, \"quoted\"");
}

TEST_CASE("csv stream: malformed records name the file and line") {
    auto error_of = [](const std::string& text) {
        try {
            CsvStream s(text, "t.csv");
            while (s.next()) (void)s.number(0);
        } catch (const ModelError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error_of("") == "t.csv:1: file is empty: a header row is required");
    CHECK(error_of("a,a\n") == "t.csv:1: duplicate column 'a'");
    CHECK(error_of("a,b\n1,2\n3\n") == "t.csv:3: expected 2 fields, found 1");
    CHECK(error_of("a,b\n1,\"2\n") == "t.csv:2: unterminated quoted field");
    CHECK(error_of("a,b\n1,\"2\"x\n") == "t.csv:2: unexpected character after a quoted field");
    CHECK(error_of("a,b\n1,2\"\n") == "t.csv:2: quote inside an unquoted field");
    CHECK(error_of("a,b\nx,2\n") == "t.csv:2: 'x' in column 'a' is not a number");
    CHECK(error_of("a,b\n,2\n") == "t.csv:2: empty value in column 'a'");
    CHECK(error_of("a,b\ninf,2\n") == "t.csv:2: value 'inf' in column 'a' is not finite");
}
