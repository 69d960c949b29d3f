#pragma once
// The subcommands of the nessie executable. Each returns the process exit code; errors are thrown as nessie's
// typed exceptions and mapped to exit codes by main().
#include <string>
#include <vector>

namespace nessie::cli {

int ness_command(const std::vector<std::string>& args, const std::string& command_line);
int run_command(const std::vector<std::string>& args, const std::string& command_line);
int sweep_command(const std::vector<std::string>& args, const std::string& command_line);
int spectrum_command(const std::vector<std::string>& args, const std::string& command_line);

}  // namespace nessie::cli
