// Where map labels go: beside their dot, never over another label, a reserved box or another
// province's dot, inside the map. Pure geometry (no drawing), tested in test_label_placement.cpp.
#pragma once

#include "box.hpp"

#include <optional>
#include <vector>

namespace ctrail::ui {

struct Dot {
    ImVec2 centre;
    float radius = 0;
};

// Boxes overlap when they share more than an edge.
bool overlaps(const Box& a, const Box& b);
// A box and a disc overlap when the box's nearest point lies inside the disc.
bool overlaps(const Box& b, const Dot& d);

class LabelPlacer {
  public:
    void reserve(const Box& b) { boxes_.push_back(b); }
    // Dots a label may not cover (every bubble and marker on the map).
    void add_dot(const Dot& d) { dots_.push_back(d); }
    // The top-left corner of a `size` label for `own` inside `bounds` (right, left, above, below,
    // then the diagonals and further out), reserved once found; nothing when every place clashes.
    // `own` itself is ignored when checking dots.
    std::optional<ImVec2> place(const Dot& own, ImVec2 size, const Box& bounds);
    const std::vector<Box>& boxes() const { return boxes_; }

  private:
    bool free(const Box& b, const Dot& own, const Box& bounds) const;
    std::vector<Box> boxes_;
    std::vector<Dot> dots_;
};

} // namespace ctrail::ui
