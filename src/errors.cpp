#include <nessie/errors.hpp>

namespace nessie {

InputError::InputError(std::string option, const std::string& problem)
    : std::runtime_error(option.empty() ? problem : option + ": " + problem), option_(std::move(option)), problem_(problem) {}

IoError::IoError(std::string path, const std::string& problem)
    : std::runtime_error(path + ": " + problem), path_(std::move(path)) {}

}  // namespace nessie
