#include "overrides.hpp"

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace ctrail::ui {

namespace {

bool is_file(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

ContentProblem from_error(const FileError& e) {
    return {e.file(), e.line(), e.problem()};
}

} // namespace

OverrideOutcome apply_overrides(Texts& texts, Content& content, const OverrideDirs& dirs,
                                const ModelWords& model, const FontFiles& fonts) {
    OverrideOutcome out;
    const Texts packaged_texts = texts;
    const Content packaged_content = content;

    // Texts, per key: a file that does not parse is ignored whole.
    TextTable tables[2] = {texts.table(Lang::En), texts.table(Lang::Zh)};
    std::set<std::string> override_files;
    if (!dirs.text.empty())
        for (Lang l : {Lang::En, Lang::Zh}) {
            const std::string path = dirs.text + "/" + std::string(lang_code(l)) + ".tsv";
            if (!is_file(path)) continue;
            try {
                const TextTable o = TextTable::load(path);
                override_files.insert(path);
                for (const auto& [key, text] : o.entries()) {
                    if (!tables[int(l)].find(key)) {
                        out.ignored.push_back(
                            {path, o.origin(key).line,
                             "key '" + key + "' is not a text of the exhibit (a typo?)", key, l});
                        continue;
                    }
                    // The screen fills in exactly the packaged text's {names}.
                    const std::string want = placeholders_of(*tables[int(l)].find(key));
                    if (placeholders_of(text) != want) {
                        out.ignored.push_back({path, o.origin(key).line,
                                               "key '" + key + "' has the placeholders '" +
                                                   placeholders_of(text) +
                                                   "' where the exhibit fills in '" + want +
                                                   "' (keep the {names} as they are)",
                                               key, l});
                        continue;
                    }
                    tables[int(l)].take(o, key);
                }
            } catch (const FileError& e) {
                out.ignored.push_back(from_error(e));
            }
        }
    Texts candidate(tables[0], tables[1]);

    // Content, per file: the override's table, or the packaged one beside it.
    Content candidate_content = content;
    bool content_override = false;
    if (!dirs.content.empty()) {
        std::string files[2];
        const char* names[2];
        names[0] = "products.tsv";
        names[1] = "equivalents.tsv";
        for (int i = 0; i < 2; ++i) {
            const std::string o = dirs.content + "/" + names[i];
            content_override |= is_file(o);
            files[i] = is_file(o) ? o : dirs.packaged_content + "/" + names[i];
        }
        if (content_override) {
            try {
                candidate_content = load_content_files(files[0], files[1]);
            } catch (const FileError& e) {
                out.ignored.push_back(from_error(e));
                content_override = false;
            }
        }
    }
    auto from_override = [&](const ContentProblem& p) {
        return override_files.count(p.file) ||
               (content_override && p.file.rfind(dirs.content + "/", 0) == 0);
    };

    // The same checks as --check-content; what fails in the override goes back to the package.
    std::vector<ContentProblem> problems = check_tables(candidate, candidate_content, model);
    if (!override_files.empty() || content_override)
        for (ContentProblem& p : check_glyphs_and_fit(candidate, candidate_content, model, fonts))
            problems.push_back(std::move(p));
    bool content_broken = false;
    for (const ContentProblem& p : problems) {
        if (!from_override(p)) continue; // the package's own (reported by its build's check)
        out.ignored.push_back(p);
        if (!p.key.empty() && override_files.count(p.file))
            tables[int(p.lang)].take(packaged_texts.table(p.lang), p.key);
        else
            content_broken = true;
    }
    for (Lang l : {Lang::En, Lang::Zh})
        for (const auto& [key, text] : tables[int(l)].entries())
            if (override_files.count(tables[int(l)].origin(key).file)) ++out.texts_taken;
    const Lang lang = texts.language();
    texts = Texts(tables[0], tables[1]);
    texts.set_language(lang);
    if (content_override && !content_broken) {
        content = std::move(candidate_content);
        out.content_taken = true;
    } else {
        content = packaged_content;
    }
    return out;
}

} // namespace ctrail::ui
