#include "run_options.hpp"

#include <nessie/errors.hpp>

#include <cmath>

namespace po = boost::program_options;

namespace nessie::cli {

void add_integration_options(po::options_description& description, RunOptions& o) {
  description.add_options()(
      "initial", po::value(&o.initial)->default_value(o.initial),
      "initial state: ground, mixed, thermal:T, a product state like udud (site 1 first), or file:PATH")(
      "t-end", po::value(&o.t_end)->default_value(o.t_end), "final time")(
      "stepper", po::value(&o.stepper)->default_value(o.stepper), "dopri5, cash-karp54, fehlberg78 or bulirsch-stoer")(
      "atol", po::value(&o.atol)->default_value(o.atol), "absolute error tolerance per step")(
      "rtol", po::value(&o.rtol)->default_value(o.rtol), "relative error tolerance per step")(
      "max-steps", po::value(&o.max_steps)->default_value(o.max_steps), "give up after this many steps (exit 3)")(
      "rhs", po::value(&o.rhs)->default_value(o.rhs),
      "right-hand side: dense (one real d^2 x d^2 matrix), matrix-free (a few d x d products) or auto (dense up to "
      "d = 12)")(
      "frame", po::value(&o.frame)->default_value(o.frame),
      "what the stepper integrates: interaction (the deviation from the direct NESS, rotated with H: the coherent "
      "motion exact, far fewer steps) or lab (rho itself)");
}

void add_output_time_options(po::options_description& description, RunOptions& o) {
  description.add_options()("dt-out", po::value(&o.dt_out)->default_value(o.dt_out), "spacing of uniform output times")(
      "log-times", po::value(&o.log_times), "N log-spaced output times from --t-first to --t-end (replaces --dt-out)")(
      "t-first", po::value(&o.t_first)->default_value(o.t_first), "first non-zero output time with --log-times")(
      "until-steady", po::value(&o.until_steady),
      "stop once the trace distance to the direct NESS is below this tolerance")(
      "save-rho", po::bool_switch(&o.save_rho), "also store rho(t) at every output time (timeseries/rho)")(
      "gap", po::value(&o.gap)->default_value(o.gap),
      "compute the spectral gap of the Liouvillian for the relaxation cross-check: yes, no, or auto (up to "
      "dimension 300; beyond, it takes minutes)")(
      "positivity", po::value(&o.positivity)->default_value(o.positivity),
      "when to check the eigenvalues of rho for positivity: 'steps' (after every accepted step), 'outputs', or "
      "'auto' (steps up to dimension 64, outputs beyond)")(
      "threads", po::value(&o.threads)->default_value(o.threads),
      "1: integrate, measure and write on one thread; 0: all cores (the samples are measured and written, and the "
      "spectral gap computed, on a second core while the integration goes on); results do not depend on it");
}

IntegrationSettings integration_settings(const RunOptions& o) {
  if (!(o.atol > 0) || !std::isfinite(o.atol)) throw InputError("--atol", "must be > 0");
  if (!(o.rtol > 0) || !std::isfinite(o.rtol)) throw InputError("--rtol", "must be > 0");
  if (o.max_steps < 1) throw InputError("--max-steps", "must be >= 1");
  if (!(o.t_end > 0) || !std::isfinite(o.t_end)) throw InputError("--t-end", "must be > 0");
  if (o.until_steady < 0 || !std::isfinite(o.until_steady)) throw InputError("--until-steady", "must be >= 0 (0: run to --t-end)");
  if (o.positivity != "steps" && o.positivity != "outputs" && o.positivity != "auto")
    throw InputError("--positivity", "expected steps, outputs or auto, got '" + o.positivity + "'");
  if (o.threads < 0) throw InputError("--threads", "must be >= 0 (0: all cores)");
  if (o.gap != "yes" && o.gap != "no" && o.gap != "auto")
    throw InputError("--gap", "expected yes, no or auto, got '" + o.gap + "'");
  IntegrationSettings settings;
  settings.stepper = stepper_from_name(o.stepper);
  settings.absolute_tolerance = o.atol;
  settings.relative_tolerance = o.rtol;
  settings.max_steps = o.max_steps;
  settings.right_hand_side = right_hand_side_from_name(o.rhs);
  settings.frame = frame_from_name(o.frame);
  return settings;
}

bool wants_spectral_gap(const RunOptions& o, int dimension) {
  return o.gap == "yes" || (o.gap == "auto" && dimension <= automatic_gap_max_dimension);
}

}  // namespace nessie::cli
