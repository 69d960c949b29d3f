#pragma once
// What a sweep computes at one grid point: the direct steady state, or a time evolution to a final time.
#include <nessie/dynamics/initial_state.hpp>
#include <nessie/dynamics/propagator.hpp>
#include <nessie/observables/observables.hpp>
#include <nessie/redfield/open_system.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <Eigen/Dense>
#include <optional>

namespace nessie {

// Cross-checks of a time evolution at one point (the `nessie run` summary, without time series).
struct RunCheck {
  double distance_to_ness = 0;     // trace distance of the final state to the direct NESS
  double min_eigenvalue_seen = 0;  // smallest eigenvalue over all accepted steps
  double first_violation_time = 0; // NaN when rho stayed positive (threshold -1e-12)
  long accepted_steps = 0;
};

// The result at one grid point.
struct PointResult {
  Eigen::VectorXd energies;
  std::vector<int> level_sectors;
  SteadyState steady;
  Observables observables;  // of the steady state (method ness) or of the final state (method run)
  std::optional<RunCheck> run;
};

// Direct steady state (sector weights from `initial` in the full space).
PointResult solve_point_ness(const OpenSystem& system, const InitialState& initial,
                             SteadyStateSolver solver = SteadyStateSolver::automatic);
// Time evolution from `initial` to t_end; observables of the final state, checked against the direct NESS.
PointResult solve_point_run(const OpenSystem& system, const InitialState& initial, double t_end,
                            const IntegrationSettings& settings,
                            SteadyStateSolver solver = SteadyStateSolver::automatic);

}  // namespace nessie
