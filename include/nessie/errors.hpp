#pragma once
// Typed errors of nessie. Each carries what went wrong; main() catches them once and maps them to exit codes.
#include <stdexcept>
#include <string>

namespace nessie {

// Exit codes shared by every subcommand (documented in docs/errors.md).
enum ExitCode : int {
  exit_ok = 0,
  exit_bad_input = 2,
  exit_numerical = 3,
  exit_io = 4,
  exit_internal = 5,
  exit_sigint = 130,
  exit_sigterm = 143,
};

// Bad user input: an option or config key with a value nessie refuses. Exit code 2.
class InputError : public std::runtime_error {
 public:
  InputError(std::string option, const std::string& problem);
  const std::string& option() const { return option_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string option_;
  std::string problem_;
};

// A numerical fault: non-finite state, stepper without progress, singular solve. Exit code 3.
class NumericalError : public std::runtime_error {
 public:
  explicit NumericalError(const std::string& what) : std::runtime_error(what) {}
};

// A failed read or write of a file. Exit code 4.
class IoError : public std::runtime_error {
 public:
  IoError(std::string path, const std::string& problem);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace nessie
