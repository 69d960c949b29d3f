#pragma once
// Options of time evolution: shared by `nessie run` and `nessie sweep --method run`.
#include <nessie/dynamics/propagator.hpp>

#include <boost/program_options.hpp>
#include <string>

namespace nessie::cli {

// Time-evolution options as the user wrote them.
struct RunOptions {
  std::string stepper = "dopri5";
  double atol = 1e-10;
  double rtol = 1e-8;
  std::string initial = "mixed";
  double t_end = 1000;
  double dt_out = 1;
  int log_times = 0;
  double t_first = 0.01;
  double until_steady = 0;
  bool save_rho = false;
  long max_steps = 100000000;
  std::string positivity = "auto";
  std::string gap = "auto";
  std::string rhs = "auto";
  std::string frame = "interaction";
  int threads = 0;
};

// --initial, --t-end, --stepper, --atol, --rtol, --max-steps, --rhs, --frame.
void add_integration_options(boost::program_options::options_description& description, RunOptions& options);
// --dt-out, --log-times, --t-first, --until-steady, --save-rho, --positivity, --gap, --threads (only `nessie run`
// records time series and checks them).
void add_output_time_options(boost::program_options::options_description& description, RunOptions& options);
// Checks ranges and names (InputError naming the option) and returns the stepper settings.
IntegrationSettings integration_settings(const RunOptions& options);
// Whether `nessie run` computes the spectral gap for a system of this dimension (--gap yes|no|auto).
bool wants_spectral_gap(const RunOptions& options, int dimension);
// --gap auto computes it up to this dimension: beyond, the Arnoldi shift-invert iteration takes minutes (d = 462:
// 110 to 190 s, growing like d^4.8; docs/performance.md).
constexpr int automatic_gap_max_dimension = 300;

}  // namespace nessie::cli
