// The monkey's invariants, as pure functions of what one frame produced (no SDL, no ImGui), so
// a unit test can break each one on purpose. Each returns "" when it holds, else what is wrong.
//   state:   the journey's fields agree with each other (the rules the e2e tests read from
//            .state.tsv: a trail has a province, a product and a stage within its steps, ...)
//   figures: every number on screen reads back as the engine's value, rounded as shown
//   pixels:  a drawn frame is not blank (more than one colour)
//   engine:  the trail's total and the big picture's share equal a fresh engine computation
#pragma once

#include <exhibit_model.hpp>
#include <exhibit_state.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ctrail::platform {

// `previous`: the screen of the frame before (a screen's own fields are checked from its second).
std::string check_state(const ui::ExhibitState& state, ui::Screen previous);
std::string check_figure(const ui::ShownFigure& figure);
// Every figure, and that it belongs to this screen (or the one the frame began on).
std::string check_figures(const ui::ExhibitState& state, ui::Screen previous);
// RGBA rows of a finished frame.
std::string check_pixels(const std::vector<std::uint8_t>& rgba);

// The engine's own numbers for what the screen shows, computed independently of the app (its
// own model handle, the exhibit's trace options), cached per province and product.
class EngineFigures {
  public:
    explicit EngineFigures(std::unique_ptr<ExhibitModel> model);
    std::string check(const ui::ExhibitState& state); // the trail's and big picture's figures

  private:
    std::unique_ptr<ExhibitModel> model_;
    std::map<std::string, double> total_kg_; // "SH/MACH/120000" -> kg
    double national_outside_share_ = -1;
};

} // namespace ctrail::platform
