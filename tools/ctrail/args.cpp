#include "args.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace ctrail::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& options,
           const std::set<std::string>& flags, const std::set<std::string>& repeatable) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--help" || a == "-h") {
            help_ = true;
        } else if (a.rfind("--", 0) == 0) {
            std::string name = a.substr(2), value;
            bool inline_value = false;
            if (auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                inline_value = true;
            }
            if (options.count(name)) {
                if (!inline_value) {
                    if (i + 1 >= argv.size())
                        throw UsageError("option --" + name + " needs a value");
                    value = argv[++i];
                }
                auto& values = options_[name];
                if (!values.empty() && !repeatable.count(name))
                    throw UsageError("option --" + name + " given more than once");
                values.push_back(value);
            } else if (flags.count(name) && !inline_value) {
                flags_.insert(name);
            } else {
                throw UsageError("unknown option --" + name);
            }
        } else {
            positionals_.push_back(a);
        }
    }
}

const std::string& Args::positional(size_t n, const char* what) const {
    if (n >= positionals_.size()) throw UsageError(std::string("missing ") + what);
    return positionals_[n];
}

void Args::expect_positionals(size_t count) const {
    if (positionals_.size() > count)
        throw UsageError("unexpected argument '" + positionals_[count] + "'");
}

std::optional<std::string> Args::option(const std::string& name) const {
    auto it = options_.find(name);
    if (it == options_.end()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
    auto it = options_.find(name);
    return it == options_.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::option_or(const std::string& name, const std::string& fallback) const {
    return option(name).value_or(fallback);
}

double Args::number_or(const std::string& name, double fallback) const {
    auto v = option(name);
    if (!v) return fallback;
    char* end = nullptr;
    errno = 0;
    double d = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || errno != 0 || !std::isfinite(d))
        throw UsageError("--" + name + " needs a number, got '" + *v + "'");
    return d;
}

int Args::integer_or(const std::string& name, int fallback) const {
    double d = number_or(name, fallback);
    if (d != std::floor(d) || d < -1e9 || d > 1e9)
        throw UsageError("--" + name + " needs a whole number, got '" + *option(name) + "'");
    return static_cast<int>(d);
}

} // namespace ctrail::cli
