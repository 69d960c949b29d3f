#pragma once
// Parsing of one subcommand's options from its arguments and an optional INI config file (--config).
#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace nessie::cli {

// Options every subcommand takes.
struct CommonOptions {
  std::string config;
  std::string output;
  bool json = false;
  bool quiet = false;
  bool force = false;
  bool help = false;
};

// Adds --help, --config, --json, --quiet (and --output/--force when `default_output` is not null; "" = no file by default).
void add_common_options(boost::program_options::options_description& description, CommonOptions& options,
                        const char* default_output);

// --solver auto|dense|iterative: how the steady state is found.
void add_solver_option(boost::program_options::options_description& description, std::string& solver);

// Eigen's products use all cores (OpenMP) only from dimension 600 on: below it a product is too short to share, and
// on a loaded machine (one core busy) OpenMP's waiting threads make products slower than one thread: measured per
// right-hand side d = 70: 10x, d = 252: 48 ms against 2.6 ms, d = 462: 24 against 15 ms (docs/performance.md).
void configure_eigen_threads(int dimension);

// Parses `args` into the variables bound in `description`, then the config file named by --config (command-line
// values win). Unknown options, keys or malformed values throw InputError (config errors name the file and line).
void parse_command(const std::vector<std::string>& args, const boost::program_options::options_description& description);

}  // namespace nessie::cli
