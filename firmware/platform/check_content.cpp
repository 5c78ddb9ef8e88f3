#include "check_content.hpp"

#include "run_config.hpp"

#include <content_check.hpp>
#include <exhibit_model.hpp>
#include <overrides.hpp>
#include <text_boxes.hpp>
#include <what_if_table.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace fs = std::filesystem;

namespace ctrail::platform {

namespace {

void print(const ui::ContentProblem& p) {
    std::fprintf(stderr, "%s\n", p.text().c_str());
}

} // namespace

int check_content(const Options& o) {
    const std::string dir = o.check_content;
    std::error_code ec;
    if (!fs::is_directory(dir + "/content", ec) && !fs::is_directory(dir + "/text", ec)) {
        std::fprintf(stderr, "%s:0: holds neither content/ nor text/: nothing to check\n",
                     dir.c_str());
        return 1;
    }
    // The packaged assets (and model and fonts) the exhibit would use; DIR as assets when it
    // is a complete set, so its fonts are the ones checked.
    const bool complete = fs::is_directory(dir + "/map", ec);
    // The kiosk config is read as in the exhibit (its model, its data folder's model).
    Options paths_from = o;
    if (complete) paths_from.assets_dir = dir;
    const RunConfig config = resolve_run_config(paths_from);
    const ui::AppPaths& paths = config.app.paths;

    std::vector<ui::ContentProblem> problems;
    ui::ModelWords words;
    std::unique_ptr<ctrail::ExhibitModel> model;
    try {
        model = ctrail::ExhibitModel::open(paths.model);
        for (const auto& s : model->sectors()) words.sectors.push_back(s.code);
        for (const auto& r : model->regions()) {
            if (r.external) continue; // placeholders name provinces only
            words.regions_en.push_back(r.name_en);
            words.regions_zh.push_back(r.name_zh);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s:0: cannot open the model to check sector codes against: %s\n",
                     paths.model.c_str(), e.what());
        return 1;
    }

    ui::Texts texts;
    ui::Content content;
    const std::string text_dir = complete ? dir + "/text" : paths.text;
    const std::string content_dir = complete ? dir + "/content" : paths.content;
    try {
        texts = ui::Texts::load_dir(text_dir);
    } catch (const FileError& e) {
        problems.push_back({e.file(), e.line(), e.problem()});
    }
    try {
        content = ui::load_content(content_dir);
    } catch (const FileError& e) {
        problems.push_back({e.file(), e.line(), e.problem()});
    }
    if (!problems.empty()) {
        for (const auto& p : problems) print(p);
        return 1;
    }
    if (!complete) {
        // An override: what the exhibit would ignore is an error here.
        const ui::OverrideOutcome out = ui::apply_overrides(
            texts, content, {dir + "/text", dir + "/content", paths.content}, words, paths.fonts);
        problems = out.ignored;
    }
    // The what-if lever: the override's table where it has one, else the package's, parsed and
    // its scales checked against the model, as the exhibit does before it shows the lever (a
    // table that fails there hides the lever, or falls back to the package's).
    const std::string own_what_if = dir + "/content/what_if.tsv";
    const std::string what_if_path =
        fs::is_regular_file(own_what_if, ec) ? own_what_if : content_dir + "/what_if.tsv";
    std::vector<ui::WhatIfStep> what_if;
    try {
        what_if = ui::load_what_if(what_if_path);
        ui::check_what_if(what_if, what_if_path, [&](const std::vector<std::string>& specs) {
            return model->check_scales(specs);
        });
    } catch (const FileError& e) {
        problems.push_back({e.file(), e.line(), e.problem()});
    }
    for (auto& p : ui::check_tables(texts, content, words)) problems.push_back(std::move(p));
    for (auto& p : ui::check_glyphs_and_fit(texts, content, words, paths.fonts, ImVec2(800, 480),
                                            what_if, what_if_path))
        problems.push_back(std::move(p));
    if (!problems.empty()) {
        for (const auto& p : problems) print(p);
        std::fprintf(stderr, "carbontrail: %zu problem%s in %s\n", problems.size(),
                     problems.size() == 1 ? "" : "s", dir.c_str());
        return 1;
    }
    std::printf("%s: content OK: %zu texts in English and Chinese, %zu products, %zu "
                "equivalents, %zu what-if steps; sectors and provinces checked against %s, "
                "lengths at 800x480\n",
                dir.c_str(), texts.table(ui::Lang::En).size(), content.products.size(),
                content.equivalents.size(), what_if.size(), paths.model.c_str());
    return 0;
}

} // namespace ctrail::platform
