#include "output_file.hpp"

#include <nessie/errors.hpp>

#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace nessie::cli {

OutputFile::OutputFile(std::string path, bool force, std::string option) : path_(std::move(path)) {
  if (path_.empty()) return;
  const fs::path target(path_);
  if (fs::exists(target) && !force)
    throw InputError(option, "'" + path_ + "' exists; use --force to overwrite it");
  if (fs::is_directory(target)) throw InputError(option, "'" + path_ + "' is a folder");
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(folder)) throw InputError(option, "folder '" + folder.string() + "' does not exist");
  temporary_ = (folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
}

OutputFile::~OutputFile() {
  if (!temporary_.empty() && !committed_) {
    std::error_code ignored;
    fs::remove(temporary_, ignored);
  }
}

void OutputFile::commit() {
  std::error_code error;
  fs::rename(temporary_, path_, error);
  if (error) throw IoError(path_, "cannot move the finished file into place: " + error.message());
  committed_ = true;
}

}  // namespace nessie::cli
