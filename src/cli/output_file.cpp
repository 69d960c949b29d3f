#include "output_file.hpp"

#include <nessie/errors.hpp>

#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace nessie::cli {

void check_output_path(const std::string& option, const std::string& path, bool force) {
  const fs::path target(path);
  if (fs::is_directory(target)) throw InputError(option, "'" + path + "' is a folder");
  if (fs::exists(target) && !force) throw InputError(option, "'" + path + "' exists; use --force to overwrite it");
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(folder)) throw InputError(option, "folder '" + folder.string() + "' does not exist");
}

OutputFile::OutputFile(std::string path, bool force, std::string option) : path_(std::move(path)) {
  if (path_.empty()) return;
  check_output_path(option, path_, force);
  const fs::path target(path_);
  std::error_code error;
  if (fs::exists(target, error) && !fs::is_regular_file(target, error)) {
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO): written in place. Renaming a temporary file onto it would
    // replace the device node itself (as root, /dev/null became a regular file).
    in_place_ = true;
    temporary_ = path_;
    return;
  }
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  temporary_ = (folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
}

OutputFile::~OutputFile() {
  if (!temporary_.empty() && !committed_ && !in_place_) {
    std::error_code ignored;
    fs::remove(temporary_, ignored);
  }
}

void OutputFile::commit() {
  if (in_place_) {
    committed_ = true;
    return;
  }
  std::error_code error;
  fs::rename(temporary_, path_, error);
  if (error) throw IoError(path_, "cannot move the finished file into place: " + error.message());
  committed_ = true;
}

}  // namespace nessie::cli
