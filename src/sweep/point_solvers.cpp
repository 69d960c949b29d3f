#include <nessie/sweep/point_solvers.hpp>

#include <nessie/dynamics/positivity_monitor.hpp>
#include <nessie/dynamics/run_sample.hpp>

#include <cmath>
#include <limits>

namespace nessie {

namespace {

// Keeps the positivity record of every accepted step (reference_min_eigenvalue: that of the integration's reference
// state, the direct NESS).
class PositivityObserver : public OutputObserver {
 public:
  explicit PositivityObserver(double reference_min_eigenvalue) : reference_min_eigenvalue_(reference_min_eigenvalue) {}
  bool observe(double t, const Eigen::MatrixXcd& rho) override {  // exact at the output times
    monitor.observe(t, smallest_eigenvalue(rho));
    return false;
  }
  void observe_step(double t, const StepState& step) override {
    // After the sample at the first time, observe_state records a state above the threshold as +infinity.
    if (step_eigenvalues_above(step, reference_min_eigenvalue_, monitor.threshold(), scratch_))
      monitor.observe(t, std::numeric_limits<double>::infinity());
    else
      monitor.observe_state(t, step.rho());
  }
  PositivityMonitor monitor;

 private:
  double reference_min_eigenvalue_;
  Eigen::MatrixXcd scratch_;
};

PointResult with_model(const OpenSystem& system) {
  PointResult r;
  r.energies = system.eigenbasis().energies();
  r.level_sectors.reserve(static_cast<std::size_t>(system.dimension()));
  for (int i = 0; i < system.dimension(); ++i) r.level_sectors.push_back(system.eigenbasis().sector_of(i));
  return r;
}

}  // namespace

PointResult solve_point_ness(const OpenSystem& system, const InitialState& initial, SteadyStateSolver solver) {
  PointResult r = with_model(system);
  const Eigen::MatrixXcd rho0 = initial_density_matrix(system, initial);
  r.steady = find_steady_state(system.eigenbasis(), system.generator(), sector_weights(system.eigenbasis(), rho0),
                               solver, &rho0);
  r.observables = system.observables().measure(r.steady.rho);
  return r;
}

PointResult solve_point_run(const OpenSystem& system, const InitialState& initial, double t_end,
                            const IntegrationSettings& settings, SteadyStateSolver solver) {
  PointResult r = with_model(system);
  Eigen::MatrixXcd rho = initial_density_matrix(system, initial);
  r.steady = find_steady_state(system.eigenbasis(), system.generator(), sector_weights(system.eigenbasis(), rho),
                               solver, &rho);
  PositivityObserver observer(smallest_eigenvalue(r.steady.rho));
  const SolverStatistics stats =
      Propagator(system.generator(), settings, r.steady.rho).propagate(rho, {0.0, t_end}, observer);
  r.observables = system.observables().measure(rho);
  RunCheck check;
  check.distance_to_ness = trace_distance(rho, r.steady.rho);
  check.min_eigenvalue_seen = observer.monitor.most_negative();
  check.first_violation_time = observer.monitor.first_violation().value_or(NAN);
  check.accepted_steps = stats.accepted_steps;
  r.run = check;
  return r;
}

}  // namespace nessie
