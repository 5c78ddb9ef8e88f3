// A curator's override folder (DATA_DIR/text/, DATA_DIR/content/) over the packaged texts and
// content tables. Texts override per key: DATA_DIR/text/zh.tsv may hold just the one sentence
// it changes. Content tables override per file: DATA_DIR/content/products.tsv replaces the
// packaged products.tsv (equivalents.tsv likewise; a missing one is the packaged one).
// What is broken is ignored with its reason (file, line, problem) and the packaged text is
// kept: a file that does not parse, a key the exhibit does not have, a character the fonts
// lack, a text too long for its box at 800x480; a content file with any problem is ignored
// whole. The checks are content_check.hpp's, the same as `carbontrail --check-content`.
#pragma once

#include "content_check.hpp"

#include <string>
#include <vector>

namespace ctrail::ui {

struct OverrideDirs {
    std::string text;             // folder that may hold en.tsv / zh.tsv ("" = none)
    std::string content;          // folder that may hold products.tsv / equivalents.tsv ("" = none)
    std::string packaged_content; // the packaged content folder (a file the override lacks)
};

struct OverrideOutcome {
    std::vector<ContentProblem> ignored; // each ignored file or key, with why
    int texts_taken = 0;                 // keys taken from the override
    bool content_taken = false;          // the override's content tables are in use
};

// Applies the overrides in `dirs` to `texts` and `content` (the packaged ones, already loaded
// and checked by the package build). Never throws for a broken override.
OverrideOutcome apply_overrides(Texts& texts, Content& content, const OverrideDirs& dirs,
                                const ModelWords& model, const FontFiles& fonts);

} // namespace ctrail::ui
