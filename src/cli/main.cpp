// nessie: Redfield dynamics and steady states of rings of spins between heat baths.
// main() only dispatches to a subcommand and maps nessie's typed errors to exit codes (docs/errors.md).
#include "commands.hpp"

#include <nessie/errors.hpp>

#include <hdf5.h>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

const char* usage =
    "usage: nessie <command> [options]\n"
    "\n"
    "commands:\n"
    "  ness      the nonequilibrium steady state (direct solve) and its currents, ergotropy, populations\n"
    "  run       time evolution of the Redfield equation to the steady state, with HDF5 time series\n"
    "  sweep     steady states (or time evolutions) over a 1-D or 2-D grid of parameters, in parallel\n"
    "  spectrum  energies of H over a scan, gaps and avoided crossings\n"
    "\n"
    "`nessie <command> --help` lists a command's options; `nessie --version` prints the version.\n"
    "With no options every command uses the paper's setup: N = 4, J = 1, Delta = 2, h_2 = 2, h_3 = 1, K = 2,\n"
    "baths at site 1 (T = 2) and site 3 (T = 1), gamma = 0.01, wc = 10.\n";

std::string quoted_command_line(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    if (i) line += ' ';
    const std::string arg = argv[i];
    line += arg.find_first_of(" \t'\"") == std::string::npos ? arg : "'" + arg + "'";
  }
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  // HDF5 is initialised on first use (Hdf5File, which also turns off its error printing: failures become one line
  // through IoError), so commands that write no file never pay for it.
  H5dont_atexit();  // files are closed explicitly; an abandoned file (full disk) must not be closed at exit
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
    std::cout << usage;
    return argc < 2 ? nessie::exit_bad_input : nessie::exit_ok;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::cout << "nessie " << NESSIE_VERSION << "\n";
    return nessie::exit_ok;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  const std::string command_line = quoted_command_line(argc, argv);
  try {
    if (command == "ness") return nessie::cli::ness_command(args, command_line);
    if (command == "run") return nessie::cli::run_command(args, command_line);
    if (command == "sweep") return nessie::cli::sweep_command(args, command_line);
    if (command == "spectrum") return nessie::cli::spectrum_command(args, command_line);

    std::cerr << "nessie: unknown command '" << command << "' (commands: ness, run, sweep, spectrum; see nessie --help)\n";
    return nessie::exit_bad_input;
  } catch (const nessie::InputError& e) {
    std::cerr << "nessie " << command << ": " << e.what() << "\n";
    return nessie::exit_bad_input;
  } catch (const nessie::NumericalError& e) {
    std::cerr << "nessie " << command << ": numerical failure: " << e.what() << "\n";
    return nessie::exit_numerical;
  } catch (const nessie::IoError& e) {
    std::cerr << "nessie " << command << ": " << e.what() << std::endl;
    // A file abandoned after a failed write must not be closed at exit (HDF5 1.10 crashes in H5close there), so leave
    // without running static destructors; everything flushed is already on disk.
    std::cout.flush();
    std::_Exit(nessie::exit_io);
  } catch (const std::bad_alloc&) {
    std::cerr << "nessie " << command << ": out of memory\n";
    return nessie::exit_numerical;
  } catch (const std::exception& e) {
    std::cerr << "nessie " << command << ": internal error: " << e.what() << "\n";
    return nessie::exit_internal;
  }
}
