#include "command_options.hpp"

#include <nessie/errors.hpp>

#include <Eigen/Core>
#include <filesystem>
#include <fstream>
#include <map>

namespace po = boost::program_options;

namespace nessie::cli {

namespace {

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const auto end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

// Reads `key = value` lines ('#' or ';' start a comment) into argument form, remembering each key's line.
std::vector<std::string> read_config(const std::string& path, const po::options_description& description,
                                     const po::variables_map& command_line, std::map<std::string, int>& line_of_key) {
  if (std::filesystem::is_directory(path)) throw InputError("--config", "'" + path + "' is a folder, not a config file");
  std::ifstream in(path);
  if (!in) throw InputError("--config", "cannot read config file '" + path + "'");
  std::vector<std::string> args;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string text = trim(line.substr(0, line.find_first_of("#;")));
    if (text.empty()) continue;
    const auto equals = text.find('=');
    const std::string where = path + ":" + std::to_string(number);
    if (equals == std::string::npos) throw InputError("--config", where + ": expected 'key = value', got '" + text + "'");
    const std::string key = trim(text.substr(0, equals));
    const std::string value = trim(text.substr(equals + 1));
    if (key == "config" || key == "help" || !description.find_nothrow(key, false))
      throw InputError("--config", where + ": unknown key '" + key + "'");
    line_of_key[key] = number;  // the last line: a key given twice is reported where it repeats
    // The command line wins, also for repeatable options (a --bath on the command line replaces the file's baths).
    if (command_line.count(key) && !command_line[key].defaulted()) continue;
    const auto* option = description.find_nothrow(key, false);
    if (option->semantic()->max_tokens() == 0) {  // a flag: accept true/false
      if (value == "true" || value == "1" || value == "yes") args.push_back("--" + key);
      else if (!(value == "false" || value == "0" || value == "no"))
        throw InputError("--config", where + ": '" + key + "' takes true or false, got '" + value + "'");
    } else {
      args.push_back("--" + key);
      args.push_back(value);
    }
  }
  return args;
}

std::string option_name(const po::error& e) {
  if (const auto* named = dynamic_cast<const po::error_with_option_name*>(&e)) {
    std::string name = named->get_option_name();
    while (!name.empty() && name.front() == '-') name.erase(name.begin());
    return name;
  }
  return "";
}

}  // namespace

void add_common_options(po::options_description& description, CommonOptions& o, const char* default_output) {
  description.add_options()
      ("help,h", po::bool_switch(&o.help), "show this help")
      ("config", po::value(&o.config), "read options from an INI file of 'key = value' lines (command line wins)")
      ("json", po::bool_switch(&o.json), "print a machine-readable JSON summary on stdout")
      ("quiet,q", po::bool_switch(&o.quiet), "no progress or summary on stderr");
  if (default_output) {
    o.output = default_output;
    description.add_options()
        ("output,o", po::value(&o.output)->default_value(o.output), "HDF5 output file")
        ("force", po::bool_switch(&o.force), "overwrite an existing output file");
  }
}

void configure_eigen_threads(int dimension) {
  Eigen::setNbThreads(dimension >= 600 ? 0 : 1);  // 0: Eigen's default, all cores
}

void add_solver_option(po::options_description& description, std::string& solver) {
  solver = "auto";
  description.add_options()("solver", po::value(&solver)->default_value(solver),
                            "steady-state solver: dense (LU of the Liouvillian), iterative (preconditioned GMRES, "
                            "matrix-free), or auto (dense up to 20 levels per sector)");
}

void parse_command(const std::vector<std::string>& args, const po::options_description& description) {
  po::variables_map vm;
  try {
    // No positional arguments: a stray word is a mistake, not something to ignore.
    po::store(po::command_line_parser(args).options(description).positional({}).run(), vm);
  } catch (const po::too_many_positional_options_error&) {
    for (const std::string& a : args)
      if (!a.empty() && a[0] != '-') throw InputError("", "unexpected argument '" + a + "' (options start with --)");
    throw InputError("", "unexpected argument");
  } catch (const po::error& e) {
    throw InputError(option_name(e).empty() ? "" : "--" + option_name(e), e.what());
  }
  if (vm.count("config") && !vm["config"].as<std::string>().empty()) {
    const std::string path = vm["config"].as<std::string>();
    std::map<std::string, int> line_of_key;
    const std::vector<std::string> config_args = read_config(path, description, vm, line_of_key);
    try {
      po::store(po::command_line_parser(config_args).options(description).run(), vm);
    } catch (const po::error& e) {
      const std::string key = option_name(e);
      const auto line = line_of_key.find(key);
      const std::string where = path + (line == line_of_key.end() ? "" : ":" + std::to_string(line->second));
      throw InputError("--config", where + ": " + e.what());
    }
  }
  try {
    po::notify(vm);
  } catch (const po::error& e) {
    throw InputError(option_name(e).empty() ? "" : "--" + option_name(e), e.what());
  }
}

}  // namespace nessie::cli
