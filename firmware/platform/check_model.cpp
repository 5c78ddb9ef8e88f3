#include "check_model.hpp"

#include <exhibit_model.hpp>

#include <cstdio>
#include <filesystem>

namespace ctrail::platform {

int check_model(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        std::fprintf(stderr, "%s:0: not a file\n", path.c_str());
        return 1;
    }
    try {
        const auto model = ctrail::ExhibitModel::open(path);
        if (model->regions().empty() || model->sectors().empty())
            throw std::runtime_error("the model has no regions or no sectors");
        std::printf("%s: model OK: %zu regions, %zu sectors, year %d, schema version %d\n",
                    path.c_str(), model->regions().size(), model->sectors().size(),
                    model->meta().year, model->schema_version());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s:0: not a model the exhibit can open: %s\n", path.c_str(),
                     e.what());
        return 1;
    }
}

} // namespace ctrail::platform
