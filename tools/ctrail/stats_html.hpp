// `ctrail stats --html`: one self-contained page (no network, no scripts) with the same figures
// as the text report, its charts drawn here as inline SVG. Well-formed XML (XHTML), so a plain
// XML parser can check it.
#pragma once

#include "stats_report.hpp"

#include <string>

namespace ctrail::cli {

std::string stats_html(const visits::VisitStats& s, const StatsRange& range,
                       const std::string& file);

// Text escaped for XML content and attributes.
std::string xml_escape(const std::string& text);

} // namespace ctrail::cli
