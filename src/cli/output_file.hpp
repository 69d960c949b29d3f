#pragma once
// An output file that appears only when complete: results go to a temporary file beside it, renamed into place.
// An existing target that is not a regular file (/dev/null, a FIFO) is written in place instead.
#include <string>

namespace nessie::cli {

// Refuses (InputError naming `option`) an existing file without --force, a folder, or a folder that does not exist.
void check_output_path(const std::string& option, const std::string& path, bool force);

// Checks at construction that `path` may be written (refuses an existing file without --force, and a folder that
// does not exist), so that bad input stops before any work. The temporary file is removed unless commit() ran.
class OutputFile {
 public:
  OutputFile(std::string path, bool force, std::string option = "--output");
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  bool requested() const { return !path_.empty(); }
  const std::string& path() const { return path_; }
  // Where to write: the temporary file, or the target itself when it is written in place.
  const std::string& temporary_path() const { return temporary_; }
  // Renames the temporary file onto the final path (nothing to do in place).
  void commit();

 private:
  std::string path_;
  std::string temporary_;
  bool committed_ = false;
  bool in_place_ = false;
};

}  // namespace nessie::cli
