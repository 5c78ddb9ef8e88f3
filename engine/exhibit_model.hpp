// The narrow API the exhibit (ui/) talks to: open a model database once, list its regions and
// sectors, trace a product and draw the big picture. Plain std types only, no Eigen, so the UI
// never sees the science. Every number the exhibit shows comes out of here.
//
// Threading: an ExhibitModel is immutable after open() but for its tables, read once by the first
// question under a mutex (load()); trace() and big_picture() are const,
// touch no shared mutable state but the tracer's mutex-guarded cache of region-set bounds, and may
// run concurrently on worker threads (the exhibit runs the trace off the UI thread). A trace with
// the chain lists (ExhibitTraceOptions::chains) and stage regions takes ~0.6 ms on a busy 2-core
// desktop in Release (docs/BENCHMARKS.md); the first time a home province is seen two region
// sets are prepared and cached, and the very first trace caches the stage-by-region rows.
//
// Units: amounts go in as yuan; the engine converts them to the model's money unit (meta
// `currency_unit`, e.g. "10^4 yuan"). Emissions come out in the stressor's unit (e.g. "Mt") AND
// in kilograms (`*_kg`), converted from the unit's prefix; NaN kg when the unit is not a mass.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ctrail {

struct ExhibitRegion {
    std::string code;      // e.g. "SH"
    std::string name_en;   // e.g. "Shanghai"
    std::string name_zh;   // e.g. "上海"; falls back to name_en when the model has none
    bool external = false; // consumes only (e.g. ROW, the rest of the world); not on the map
    std::string group;     // economic region group (e.g. "East Coast"); empty when none
    bool coastal = false;
    std::string zone; // "coast", "centre_west" or "northeast" (engine/zones.hpp); empty when none
    bool has_location = false; // lat/lon of the capital are known
    double lat = 0, lon = 0;
};

struct ExhibitSector {
    std::string code;
    std::string name_en;
    std::string name_zh; // falls back to name_en
};

struct ExhibitStressor {
    std::string code; // e.g. "CO2"
    std::string name_en;
    std::string unit;       // as in the model, e.g. "Mt"
    double kg_per_unit = 0; // e.g. 1e9 for "Mt"; NaN when the unit is not a mass
};

struct ExhibitMeta {
    std::string name;                   // meta `name`
    int year = 0;                       // meta `year`; 0 when absent or not a number
    std::string currency_unit;          // meta `currency_unit`, e.g. "10^4 yuan"
    double yuan_per_money_unit = 0;     // e.g. 1e4; NaN when the unit cannot be read as yuan
    std::string source;                 // meta `source`
    std::string license;                // meta `license`
    std::vector<std::string> citations; // meta `citation` (and `citation_*`), one per entry
    // The same citations in Chinese where the source has a Chinese title (meta `KEY_zh`, e.g.
    // `citation_2_zh`), else "" (show the citation as it is). Same length as `citations`.
    std::vector<std::string> citations_zh;
    std::string caveat;                                       // meta `caveat`; may be empty
    std::vector<std::pair<std::string, std::string>> entries; // every meta key/value, file order
};

// What-if: multiply the emission intensity of a region's sector (or all regions / all sectors
// when the code is empty) by `factor`, without rebuilding the model.
struct ExhibitScale {
    std::string region_code; // empty = every region
    std::string sector_code; // empty = every sector
    double factor = 1.0;
};

struct ExhibitTraceOptions {
    std::string stressor;      // empty = the model's CO2 stressor (code "CO2"), else the first
    double threshold = 0.001;  // paths below threshold x total are not listed
    int max_paths = 100;       // cap on listed paths
    int max_depth = 12;        // longest path (number of supplier steps)
    int stages = 12;           // by_stage lists stages 0..stages, then the remainder
    bool stage_regions = true; // fill TraceStage::by_region (costs `stages` dense products)
    std::vector<ExhibitScale> scales; // what-if intensity scaling
    // Optional names for the bought product in path texts ("Car assembled in Shanghai ← ...");
    // empty = the sector's own noun ("Machinery and vehicles made in Shanghai ← ...").
    std::string product_en;
    std::string product_zh;
    // The trail's chain lists (ExhibitTrace::leaving_by_depth, ::furthest): at most this many
    // chains per list (0 = none, saves the searches), for depths 0 .. chain_depths - 1. They
    // are listed while worth >= threshold x total, like `paths`.
    int chains = 5;
    int chain_depths = 4;
};

// One emitting region's part of a trace (or of a stage).
struct TraceRegionShare {
    int region = -1;  // index into ExhibitModel::regions()
    double value = 0; // stressor unit
    double kg = 0;
    double share = 0; // of the trace total
};

struct TraceSectorShare {
    int sector = -1; // index into ExhibitModel::sectors()
    double value = 0;
    double kg = 0;
    double share = 0;
};

// Supply-chain stage k: emitted by the k-th tier of suppliers (k = 0: the product's own
// producers), s·A^k·y. The last entry has remainder = true: everything beyond the last stage.
struct TraceStage {
    int stage = 0;
    bool remainder = false;
    double value = 0;
    double kg = 0;
    double share = 0;
    std::vector<TraceRegionShare> by_region; // nonzero regions, descending (stage_regions only)
};

struct TracePathNode {
    int region = -1; // index into regions()
    int sector = -1; // index into sectors()
};

struct TracePathView {
    // Consumer's product first, then its supplier, the supplier's supplier, ...; the CO2 of
    // the path is emitted by the LAST node.
    std::vector<TracePathNode> nodes;
    double value = 0;
    double kg = 0;
    double share = 0;    // of the trace total
    std::string text_en; // "Car assembled in Shanghai ← steel from Hebei ← electricity from ..."
    std::string text_zh; // "上海组装的汽车 ← 河北的钢铁 ← 内蒙古的电力"
};

// The words between two steps of text_en / text_zh (" ← "), from the engine's word data, so a
// screen can split a path's text without repeating the engine's phrase.
const std::string& path_step_separator(bool chinese);

// Where the product's emissions were released, in the exhibit's four parts (zones): shares of
// the total that add up to 1. The buyer's own province counts only as `home`.
struct TraceZoneSplit {
    double home = 0;        // the buyer's own province
    double coast = 0;       // the other coastal provinces (zone coast)
    double centre_west = 0; // the central and western provinces (zone centre_west)
    double northeast = 0;   // zone northeast (Heilongjiang, Jilin)
    double unzoned = 0;     // regions without a zone (a bundle without the column); else 0
};

// One list of chains chosen by where they end, with what they are drawn from.
struct TraceChainList {
    std::vector<TracePathView> paths; // the exact largest such chains, descending
    double share = 0;       // of the trace total: all such chains together (listed or not)
    double unexplained = 0; // share - the listed chains' shares (>= 0 up to rounding)
};

struct ExhibitTrace {
    std::string error; // non-empty (and everything else empty/zero) when the request was bad
    int region = -1;   // the consumer, index into regions()
    int sector = -1;   // the product, index into sectors()
    int stressor = -1; // index into stressors()
    double amount_yuan = 0;
    double amount_model = 0; // the same amount in the model's money unit
    // True when the consumer buys none of this product in the model, so the national supply mix
    // of the product (all regions' final demand) was used instead of the consumer's own.
    bool national_mix = false;

    double total = 0; // stressor unit
    double total_kg = 0;
    double kg_per_yuan = 0;          // total_kg / amount_yuan
    double share_elsewhere = 0;      // share of total emitted outside the consumer's region
    double weighted_distance_km = 0; // emission-weighted great-circle distance from the
                                     // consumer's capital to the emitters (0 when unknown)

    std::vector<TraceRegionShare> by_region; // nonzero regions, descending by value
    std::vector<TraceSectorShare> by_sector; // nonzero sectors, descending by value
    std::vector<TraceStage> by_stage;        // stages 0..K, then the remainder entry
    std::vector<TracePathView> paths;        // descending by value, the exact top paths
    double coverage = 0;                     // sum of listed path values / total
    double unexplained = 0;                  // total - sum of listed path values (stressor unit)
    long long nodes_visited = 0;             // search effort (prefixes expanded)
    bool search_complete = true;             // false when the cap or max depth cut the search short

    // The trail's framing (ExhibitTraceOptions::chains, ::chain_depths):
    std::string home_zone; // the buyer's zone ("coast", "centre_west", ...; may be empty)
    TraceZoneSplit zones;  // own province / other coast / centre and west / northeast
    // [d]: the largest chains of exactly d supplier steps whose CO2 was released OUTSIDE the
    // buyer's province (d = 0: the product made elsewhere), one list per trail step.
    std::vector<TraceChainList> leaving_by_depth;
    // "The furthest trips": for a buyer in the coast or northeast zone, the largest chains (any
    // depth) released in the central and western provinces (furthest_interior = true); for an
    // inland buyer, the largest chains released outside the province (furthest_interior = false).
    TraceChainList furthest;
    bool furthest_interior = true;

    // The other provinces by their share, largest first (by_region without the buyer's): the
    // headline names the first two as "the largest shares: Zhejiang (11%) and Jiangsu (7%)".
    std::vector<TraceRegionShare> largest_elsewhere(std::size_t count) const;

    // The cumulative decomposition through the first `stages` supply-chain stages (stage
    // 0 .. stages-1, remainder excluded): the share of the total released so far, and that
    // share per region (indexed by region, `region_count` long; needs stage_regions).
    double share_through_stage(int stages) const;
    std::vector<double> region_shares_through_stage(int stages, std::size_t region_count) const;
};

// Embodied emission flows between economic region groups (emitter group -> consumer group).
struct GroupFlow {
    int from = -1;    // emitting group, index into BigPicture::groups
    int to = -1;      // consuming group (may be an external group such as ROW)
    double value = 0; // stressor unit
    double kg = 0;
    double share = 0; // of all industry emissions (sum of all flows)
};

struct RegionGroup {
    std::string name;         // Region::group, or the region code for an ungrouped region
    bool external = false;    // a group made of external regions (e.g. ROW)
    std::vector<int> regions; // indices into regions()
    bool coastal = false;     // all its domestic regions are coastal
};

struct RegionAccount {
    int region = -1;
    double territorial = 0;     // industry emissions in the region + its households' direct ones
    double consumption = 0;     // emissions anywhere caused by its final demand + households'
    double imported = 0;        // caused by its final demand, emitted in other regions
    double exported = 0;        // emitted here for final demand of other regions
    double share_elsewhere = 0; // imported / consumption without households (0 when none)
    double territorial_kg = 0;
    double consumption_kg = 0;
};

struct BigPicture {
    int stressor = -1;
    std::vector<RegionGroup> groups;   // domestic groups in first-seen order, then external ones
    std::vector<GroupFlow> flows;      // every nonzero group pair, descending by value
    double national_outside_share = 0; // of industry emissions, tied to final demand elsewhere
    double total = 0;                  // all industry emissions (sum of flows), stressor unit
    double total_kg = 0;
    std::vector<RegionAccount> regions; // one per region, in regions() order
};

// Low and high of a figure over the pipeline's ensemble (models built under other reasonable
// assumptions, docs/BUNDLE-FORMAT.md `ranges.csv`); known = false when the model has none.
struct ExhibitRange {
    bool known = false;
    double low = 0, high = 0;
};

// The ranges beside a trace of (consumer region, product sector).
struct ExhibitTraceRanges {
    ExhibitRange kg_per_yuan;       // total intensity, kg CO2 per yuan
    ExhibitRange share_elsewhere;   // share emitted outside the consumer's province
    ExhibitRange share_centre_west; // share emitted in the central and western provinces
};

struct ExhibitModelAccess; // the engine's own view inside (exhibit_model_access.hpp)
// "What if the interior cleaned up?": the figures the exhibit's lever shows for the model with
// emission intensities scaled by `scales` (intensity_scale.hpp: `REGION.SECTOR=FACTOR`, REGION
// a code, group or zone such as centre_west, SECTOR a code or *). An illustration of the model
// (same economy, cleaner production), not a forecast.
struct WhatIfRequest {
    std::vector<std::string> scales; // empty = the model as built ("today")
    std::string region;              // the visitor's province (code); empty = no product
    std::string sector;              // the product's sector code
    double amount_yuan = 0;
};

struct WhatIf {
    std::string error; // non-empty (and everything else empty/zero) for a bad request
    bool has_product = false;
    double product_kg = 0;              // CO2 behind the product (trace().total_kg, scaled)
    double product_share_elsewhere = 0; // of it, released outside the visitor's province
    double national_territorial_kg = 0; // released in China: industry + households (accounts)
    double national_consumption_kg = 0; // caused by Chinese final demand (external excluded)
    double national_outside_share = 0;  // BigPicture::national_outside_share
    std::vector<RegionAccount> regions; // per region, regions() order (as BigPicture::regions)
};

class ExhibitModel {
  public:
    // Opens the database read-only and reads what the lists need (meta, labels). When its
    // stored factorisation is there and of its inputs (checksummed straight from the file),
    // the tables traces and accounts read (~4 MB for China) are left to load(), i.e. to the
    // first question; otherwise they are read, validated and factorised (logged) here.
    // Throws ctrail::ModelError (a std::runtime_error) naming the file and the problem.
    static std::unique_ptr<ExhibitModel> open(const std::string& database_path);
    // Reads the tables now if they are not yet (every question does it first; the file read is
    // the one open() checked, even if replaced since). Thread-safe. Throws ModelError naming
    // the file; a failed read is tried again by the next question, which reports it.
    void load() const;
    ~ExhibitModel();
    ExhibitModel(const ExhibitModel&) = delete;
    ExhibitModel& operator=(const ExhibitModel&) = delete;

    const ExhibitMeta& meta() const;
    const std::vector<ExhibitRegion>& regions() const;
    const std::vector<ExhibitSector>& sectors() const;
    const std::vector<ExhibitStressor>& stressors() const;
    int default_stressor() const;                     // "CO2" if present, else 0
    int find_region(const std::string& code) const;   // -1 when unknown
    int find_sector(const std::string& code) const;   // -1 when unknown
    int find_stressor(const std::string& code) const; // -1 when unknown

    // The CO2 behind `amount_yuan` of `sector_code` bought by a household in `region_code`.
    // Never throws on bad input: unknown codes or a non-positive amount set `error`.
    ExhibitTrace trace(const std::string& region_code, const std::string& sector_code,
                       double amount_yuan, const ExhibitTraceOptions& options = {}) const;

    // Group-to-group flows, national outside share and per-region accounts. A few ms: cache it.
    // Empty stressor = default_stressor().
    BigPicture big_picture(const std::string& stressor = "") const;

    // What-if figures (default stressor): one solve for the product and one for the accounts,
    // tens of ms on the China model; run it off the UI thread. Never throws on bad input.
    WhatIf what_if(const WhatIfRequest& request) const;
    // "" when every spec resolves against this model, else the first problem (naming the spec).
    std::string check_scales(const std::vector<std::string>& specs) const;

    // Ensemble ranges. has_ranges() is false for a model built without ranges.csv and for an
    // older database (schema_version() < 2); the exhibit then logs it and shows no range line.
    int schema_version() const;
    bool has_ranges() const;
    // quantity as in ranges.csv (e.g. "national_outside_share", "consumer_share_elsewhere"
    // with a region code); unknown or absent -> known = false.
    ExhibitRange range(const std::string& quantity, const std::string& region_code = "",
                       const std::string& sector_code = "") const;
    ExhibitTraceRanges trace_ranges(const std::string& region_code,
                                    const std::string& sector_code) const;

    struct Impl;

  private:
    friend struct ExhibitModelAccess;
    explicit ExhibitModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace ctrail
