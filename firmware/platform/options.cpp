#include "options.hpp"

#include "kiosk/kiosk_config.hpp"

#include <cstdlib>

namespace ctrail::platform {

const char* usage_text() {
    return R"(usage: carbontrail [options]

The Carbon Trail exhibit. Without options it runs full screen with the kiosk config
(/etc/carbontrail/kiosk.conf when present).

  --config FILE        kiosk config (key = value); explicit options below override it
  --model FILE         model database (default: from the config, else the build tree)
  --assets DIR         folder with content/, text/, map/, fonts/ (default: ../share/carbontrail)
  --data-dir DIR       the one writable folder
  --size WxH           window/canvas size in pixels (e.g. 800x480, 1920x1080, 480x800)
  --panel-mm WxH       physical size of the panel in millimetres (touch-target sizing)
  --rotate DEG         turn the picture 0, 90, 180 or 270 degrees clockwise on the panel
  --lang en|zh         language after every reset
  --home-region CODE   the museum's own province, listed first on "Where do you live?" (e.g. SH)
  --idle-timeout S     seconds without a touch before "Resetting in 10…" (default 60)
  --time-scale X       run the clock X times faster (look at the idle reset quickly)
  --software           use SDL's software renderer
  --frames N           quit after N frames
  --log-level LEVEL    error, warning, notice, info or debug
  --hash-pin           read the admin PIN (4 to 12 digits) from standard input (not echoed on
                       a terminal) and print the line for kiosk.conf: admin_pin = $argon2id$...
  --clock "Y-M-D H:M"  headless runs: the local date and time the simulated clock starts at
                       (opening hours, admin mode's clock); default: the real time
  --headless           no display: SDL dummy video driver, software renderer, simulated clock
  --tour DIR           play the scripted visitor (Shanghai, car, every trail step, big
                       picture, about, idle reset) with injected touches; one PNG and one
                       state file (.state.tsv) per screen into DIR. Implies --headless.
  --script FILE        play a visitor script instead of the built-in tour (see --help-script);
                       with --tour DIR its `shot` lines write into DIR
  --goto SCREEN        reach a screen (attract, region, product, trail, big_picture, about)
  --screenshot FILE    write one PNG (+ FILE.state.tsv) of the state reached by --goto/--script
  --monkey FRAMES      a seeded random visitor for FRAMES frames (taps on and off targets,
                       drags, many fingers, edges, languages, Back/Home, idle resets, the admin
                       gesture), checking after every frame that it was drawn, that the state is
                       consistent and that every number shown is the engine's; logs the frames
                       per screen. Implies --headless; exit 3 names the frame, seed and invariant
  --seed S             the monkey's seed (default 1): the same seed gives the same visit
  --monkey-sample N    log RSS, open files and threads every N frames (default 10000; 0 = never)
  --or-tour DIR        open a window; where there is no display, say so and play the tour
  --check-content DIR  check the curator's texts and content in DIR (which holds content/ and
                       text/) against the model (--model or the config's), the fonts and the
                       screens' text boxes at 800x480; exit 0 with a summary, or 1 with one
                       "file:line: problem" line per problem (docs/CURATOR.md)
  --check-model FILE   open a model database as the exhibit would (application_id, schema);
                       exit 0 with a summary, or 1 (carbontrail-update runs it first)
  --help-script        describe the visitor script language
  -h, --help           this text

Exit codes: 0 fine, 1 failure (logged), 2 bad command line, 3 a script step or a monkey
invariant failed,
4 the exhibit is unavailable (no model or broken assets; the screen asks visitors to get staff),
128+N stopped by signal N (SIGTERM 143, SIGINT 130) within a frame, after finishing the file
being written; the full-screen kiosk stops on SIGTERM/SIGINT with 0, as systemd expects.
)";
}

namespace {
CanvasSize parse_size(const std::string& s, const char* what) {
    const auto x = s.find('x');
    char* end = nullptr;
    if (x != std::string::npos) {
        const int w = int(std::strtol(s.c_str(), &end, 10));
        if (end == s.c_str() + x) {
            const int h = int(std::strtol(s.c_str() + x + 1, &end, 10));
            if (*end == '\0' && w >= 200 && h >= 200 && w <= 8192 && h <= 8192) return {w, h};
        }
    }
    throw UsageError(std::string(what) + " '" + s + "': expected WIDTHxHEIGHT, e.g. 800x480");
}
double parse_number(const std::string& s, const char* what, double lo, double hi) {
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0' || !(v >= lo && v <= hi))
        throw UsageError(std::string(what) + " '" + s + "': expected a number from " +
                         std::to_string(lo) + " to " + std::to_string(hi));
    return v;
}
} // namespace

Options parse_options(const std::vector<std::string>& args) {
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw UsageError(a + " needs a value (see --help)");
            return args[++i];
        };
        if (a == "-h" || a == "--help")
            o.help = true;
        else if (a == "--help-script")
            o.script_file = "-help";
        else if (a == "--headless")
            o.headless = true;
        else if (a == "--tour")
            o.tour_dir = value(), o.headless = true;
        else if (a == "--or-tour")
            o.or_tour_dir = value();
        else if (a == "--script")
            o.script_file = value(), o.headless = true;
        else if (a == "--goto")
            o.go_to = value();
        else if (a == "--screenshot")
            o.screenshot = value(), o.headless = true;
        else if (a == "--size")
            o.size = parse_size(value(), "--size");
        else if (a == "--panel-mm") {
            const std::string& v = value();
            const auto x = v.find('x');
            if (x == std::string::npos)
                throw UsageError("--panel-mm '" + v + "': expected WxH in mm");
            o.panel_mm =
                PanelMm{float(parse_number(v.substr(0, x), "--panel-mm width", 20, 3000)),
                        float(parse_number(v.substr(x + 1), "--panel-mm height", 20, 3000))};
        } else if (a == "--home-region") {
            o.home_region = value();
            if (!kiosk::is_region_code(o.home_region))
                throw UsageError("--home-region '" + o.home_region +
                                 "': expected a province code from the model, e.g. SH");
        } else if (a == "--lang") {
            o.lang = value();
            if (o.lang != "en" && o.lang != "zh")
                throw UsageError("--lang '" + o.lang + "': expected en or zh");
        } else if (a == "--config")
            o.config = value();
        else if (a == "--model")
            o.model = value();
        else if (a == "--assets")
            o.assets_dir = value();
        else if (a == "--data-dir")
            o.data_dir = value();
        else if (a == "--rotate") {
            o.rotation = int(parse_number(value(), "--rotate", 0, 270));
            if (*o.rotation % 90 != 0) throw UsageError("--rotate: expected 0, 90, 180 or 270");
        } else if (a == "--idle-timeout")
            o.idle_timeout = parse_number(value(), "--idle-timeout", 1, 86400);
        else if (a == "--time-scale")
            o.time_scale = parse_number(value(), "--time-scale", 0.01, 1000);
        else if (a == "--frames")
            o.max_frames = int(parse_number(value(), "--frames", 1, 1e9));
        else if (a == "--software")
            o.software = true;
        else if (a == "--log-level")
            o.log_level = value();
        else if (a == "--check-content")
            o.check_content = value();
        else if (a == "--check-model")
            o.check_model = value();
        else if (a == "--hash-pin")
            o.hash_pin = true;
        else if (a == "--clock")
            o.clock = value();
        else if (a == "--monkey")
            o.monkey_frames = (long long)parse_number(value(), "--monkey", 1, 1e12),
            o.headless = true;
        else if (a == "--seed")
            o.seed = std::uint64_t(parse_number(value(), "--seed", 0, 9007199254740992.0));
        else if (a == "--monkey-sample")
            o.monkey_sample = (long long)parse_number(value(), "--monkey-sample", 0, 1e12);
        else if (a == "--monkey-break") { // test-only: proves a broken invariant fails the run
            o.monkey_break = value();
            if (o.monkey_break != "state" && o.monkey_break != "figure" &&
                o.monkey_break != "pixels")
                throw UsageError("--monkey-break '" + o.monkey_break +
                                 "': expected state, figure or pixels");
        } else
            throw UsageError("unknown option '" + a + "' (see --help)");
    }
    if (!o.go_to.empty() && o.screenshot.empty() && o.tour_dir.empty())
        throw UsageError("--goto needs --screenshot FILE");
    if (o.headless && !o.size) o.size = CanvasSize{800, 480};
    return o;
}

} // namespace ctrail::platform
