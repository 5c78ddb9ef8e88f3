// The MRIO model as data: labels and the raw matrices Z, Y, F, FY (see docs/MRIO.md).
// Production nodes are (domestic region, sector) pairs, numbered region-major:
// node = domestic_position(region) * sector_count + sector. External regions (e.g. ROW)
// only consume: they own final-demand columns, never nodes.
#pragma once

#include "ranges.hpp"

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ctrail {

enum class RegionKind { Domestic, External };

struct Region {
    std::string code;
    std::string name_en;
    std::string name_zh; // empty when the bundle has none
    RegionKind kind = RegionKind::Domestic;
    std::string group; // e.g. one of China's eight economic regions; may be empty
    bool coastal = false;
    std::optional<double> lat, lon;
    // The exhibit's regional framing (zones.hpp): "coast", "centre_west", "northeast", or empty
    // (external regions, and every region of a bundle without the column).
    std::string zone;
};

struct Sector {
    std::string code;
    std::string name_en;
    std::string name_zh;
};

struct Stressor {
    std::string code;
    std::string name_en;
    std::string unit;
};

struct Model {
    std::vector<std::pair<std::string, std::string>> meta; // in file order
    std::vector<Region> regions;
    std::vector<Sector> sectors;
    std::vector<std::string> categories; // final-demand categories, in first-seen order
    std::vector<Stressor> stressors;

    Eigen::MatrixXd Z;  // nodes x nodes
    Eigen::MatrixXd Y;  // nodes x (regions x categories), column = region * C + category
    Eigen::MatrixXd F;  // stressors x nodes
    Eigen::MatrixXd FY; // stressors x (regions x categories)

    std::vector<Range> ranges; // ensemble ranges (ranges.csv); empty when the model has none

    // Index helpers; call index() after filling regions/sectors/categories.
    void index();
    int node_count() const { return static_cast<int>(domestic_.size() * sectors.size()); }
    int domestic_count() const { return static_cast<int>(domestic_.size()); }
    int region_of_node(int node) const { return domestic_[node / sector_count()]; }
    int sector_of_node(int node) const { return node % sector_count(); }
    int sector_count() const { return static_cast<int>(sectors.size()); }
    int category_count() const { return static_cast<int>(categories.size()); }
    // Node of (region, sector), or -1 when the region is external.
    int node(int region, int sector) const;
    int y_column(int region, int category) const { return region * category_count() + category; }
    const std::vector<int>& domestic_regions() const { return domestic_; }
    int domestic_position(int region) const; // -1 for an external region

    int find_region(const std::string& code) const;       // -1 when unknown
    int find_sector(const std::string& code) const;       // -1 when unknown
    int find_stressor(const std::string& code) const;     // -1 when unknown
    std::string meta_value(const std::string& key) const; // empty when absent

  private:
    std::vector<int> domestic_;     // region indices of domestic regions, in order
    std::vector<int> domestic_pos_; // region index -> position among domestic, or -1
};

} // namespace ctrail
