#pragma once
// Command-line and config-file options that describe the ring and its baths, shared by the subcommands.
#include <nessie/sweep/model_spec.hpp>

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace nessie::cli {

// The model as the user wrote it; turned into validated physics objects by the functions below.
struct ModelOptions {
  int sites = 4;
  double hopping = 1.0;
  double interaction = 2.0;
  std::vector<std::string> fields;  // SITE:H; empty -> the paper's h_2 = 2, h_3 = 1
  std::string up = "2";             // K or "all"
  std::vector<std::string> baths;   // SITE:T or SITE:T:GAMMA:CUTOFF; empty -> site 1 at T = 2, site 3 at T = 1
  double gamma = 0.01;
  double cutoff = 10.0;
};

// Adds --sites, --J, --delta, --field, --up, --bath, --gamma, --cutoff.
void add_model_options(boost::program_options::options_description& description, ModelOptions& options);

// The model the options describe, validated (InputError naming the option otherwise).
ModelSpec make_model_spec(const ModelOptions& options);

// "SITE:VALUE[:VALUE...]" split into a site and `count` numbers; InputError naming `option` if malformed.
std::pair<int, std::vector<double>> parse_site_values(const std::string& option, const std::string& text,
                                                      std::size_t min_values, std::size_t max_values);
// A whole-string number, InputError naming `option` otherwise.
double parse_number(const std::string& option, const std::string& text);
int parse_integer(const std::string& option, const std::string& text);

}  // namespace nessie::cli
