// Helpers for the end-to-end tests: run the real carbontrail binary headless, read the state
// files it writes beside each screenshot, load PNGs, and open the same model and content the
// exhibit uses so the tests can compute the engine's numbers themselves.
#pragma once

#include <content.hpp>
#include <exhibit_model.hpp>
#include <what_if_table.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace e2e {

// The model the exhibit is tested with ($CTRAIL_E2E_MODEL overrides the build tree's).
std::string model_path();
// Ends the test process with exit code 77 (ctest: skipped) when the model is absent.
void require_model();
const ctrail::ExhibitModel& model();
const ctrail::ui::Content& content();
// The packaged what-if lever (assets/content/what_if.tsv).
const std::vector<ctrail::ui::WhatIfStep>& what_if_steps();

// A fresh, empty folder under the build tree's e2e output folder.
std::string fresh_dir(const std::string& name);
// Runs carbontrail with these arguments (output to DIR/run.log); returns its exit code.
int run_carbontrail(const std::vector<std::string>& args, const std::string& log_dir);
// `carbontrail --hash-pin` with the PIN on standard input: the config line it prints.
std::string hash_pin_line(const std::string& pin, int* exit_code = nullptr);
// Starts carbontrail (output to DIR/run.log), waits until its log contains `playing` (at most a
// minute), sends it `signal` and waits for it: its exit code (-1 when a signal killed it) and
// the seconds from the signal to the exit.
struct SignalledRun {
    int exit_code = -1;
    double stop_s = 0;
};
// `display`: an X display (e.g. a VirtualDisplay's) for a run that needs a real one; empty =
// SDL's dummy video driver.
// The longest a stop may take: two seconds natively (a frame, plus a screenshot being written,
// on a loaded machine); under the emulator, which runs the ARM program several times slower and
// tears down X slowly, ten.
double stop_allowance_s();
SignalledRun run_and_signal(const std::vector<std::string>& args, const std::string& log_dir,
                            const std::string& playing, int signal,
                            const std::string& display = "");
// Writes a visitor script and returns its path.
std::string write_script(const std::string& dir, const std::string& text);
// The visitor script from Attract to the What if? step: start, the province REGION (through the
// pages), the product, then Next through the trail's four steps; ends with `expect screen
// what_if`, so a script goes on from there.
std::string script_to_what_if(const std::string& region, const std::string& product = "car");
std::string read_text(const std::string& path);

struct Figure {
    std::string id;
    double engine = 0;
    std::string unit;
    std::string shown;
};
struct State {
    std::map<std::string, std::string> values;
    std::vector<Figure> figures;
    const std::string& operator[](const std::string& key) const;
    const Figure* figure(const std::string& id) const;
};
State read_state(const std::string& path); // NAME.state.tsv

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
};
Image load_png(const std::string& path); // width 0 when unreadable
// Fraction of pixels whose largest channel difference exceeds `threshold` (1.0 when sizes differ).
double differing_fraction(const Image& a, const Image& b, int threshold);

// The number a visitor reads in a shown figure, in the figure's unit: "≈ 28 t" -> 28000 (kg),
// "71%" -> 0.71 (share), "2万" -> 20000, "¥120,000" / "约12万元" -> 120000. NaN when unreadable.
double read_shown(const std::string& shown, const std::string& unit);

} // namespace e2e
