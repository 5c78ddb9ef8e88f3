#include "model.hpp"

namespace ctrail {

void Model::index() {
    domestic_.clear();
    domestic_pos_.assign(regions.size(), -1);
    for (size_t r = 0; r < regions.size(); ++r) {
        if (regions[r].kind == RegionKind::Domestic) {
            domestic_pos_[r] = static_cast<int>(domestic_.size());
            domestic_.push_back(static_cast<int>(r));
        }
    }
}

int Model::node(int region, int sector) const {
    int pos = domestic_pos_.at(region);
    return pos < 0 ? -1 : pos * sector_count() + sector;
}

int Model::domestic_position(int region) const {
    return domestic_pos_.at(region);
}

template <class T> static int find_code(const std::vector<T>& items, const std::string& code) {
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].code == code) return static_cast<int>(i);
    return -1;
}

int Model::find_region(const std::string& code) const {
    return find_code(regions, code);
}
int Model::find_sector(const std::string& code) const {
    return find_code(sectors, code);
}
int Model::find_stressor(const std::string& code) const {
    return find_code(stressors, code);
}

std::string Model::meta_value(const std::string& key) const {
    for (const auto& [k, v] : meta)
        if (k == key) return v;
    return {};
}

} // namespace ctrail
