// Everything that can be wrong with a model is a ModelError: the shared file-line-problem error
// (common/file_error.hpp), so a curator can fix the source directly.
#pragma once

#include <file_error.hpp>

namespace ctrail {

class ModelError : public FileError {
  public:
    using FileError::FileError;
};

} // namespace ctrail
