// libFuzzer target: the bundle's CSV reader (engine/csv.hpp), both the streaming reader the
// matrix tables use and the table reader of the label files, plus the number parser.
#include "fuzz_input.hpp"

#include <csv.hpp>
#include <error.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(ctrail::fuzz::as_text(data, size));
    try {
        ctrail::CsvStream stream(text, "fuzz.csv");
        const int columns = static_cast<int>(stream.header().size());
        while (stream.next()) {
            for (int c = 0; c < columns; ++c) {
                try {
                    (void)stream.number(c);
                } catch (const ctrail::ModelError&) {
                }
            }
            (void)stream.progress();
        }
        ctrail::CsvStream again = stream.restart();
        while (again.next()) (void)again.line();
    } catch (const ctrail::ModelError&) {
    }
    try {
        const ctrail::CsvTable table = ctrail::CsvTable::parse(text, "fuzz.csv");
        for (const auto& row : table.rows())
            for (size_t c = 0; c < table.header().size(); ++c)
                (void)ctrail::csv_field(table.cell(row, static_cast<int>(c)));
    } catch (const ctrail::ModelError&) {
    }
    return 0;
}
