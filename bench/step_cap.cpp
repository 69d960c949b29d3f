// Why `nessie run` caps the step at stability_limit(stepper, frame) / omega_max
// (include/nessie/dynamics/propagator.hpp): integrates the issue-3 problems (N = 4, K = 2 from udud and N = 6, K = 3
// from ududud; t = 0..1000 with 1001 output times, dopri5, atol 1e-10, rtol 1e-8) in the interaction frame and in the
// lab frame, each with IntegrationSettings::max_step_scale = 0 (no cap: the error controller alone), 0.5, 1 (nessie's
// default), 1.5 and 2 (times the frame's limit: 4 and 1 for dopri5), and prints the cost (steps, RHS evaluations,
// integration seconds) and the trace distance (TD) of rho(t) to the exact rho(t) = expm(L t) rho0 at t = 100 and t =
// 1000 (L assembled column by column from RedfieldGenerator::apply, exponentiated with Eigen's MatrixFunctions, Pade +
// scaling and squaring), and of rho(1000) to the direct steady state.
//
//   bench_step_cap            (no arguments)
#include <nessie/dynamics/initial_state.hpp>
#include <nessie/dynamics/propagator.hpp>
#include <nessie/redfield/open_system.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <Eigen/Dense>
#include <unsupported/Eigen/MatrixFunctions>
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace nessie;

namespace {

double trace_distance(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b) {
  const Eigen::MatrixXcd diff = a - b;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> es(0.5 * (diff + diff.adjoint()), Eigen::EigenvaluesOnly);
  return 0.5 * es.eigenvalues().cwiseAbs().sum();
}

// Keeps rho (eigenbasis) at t = 100 and t = 1000.
class KeepObserver : public OutputObserver {
 public:
  bool observe(double t, const Eigen::MatrixXcd& rho) override {
    if (t == 100) at100 = rho;
    if (t == 1000) at1000 = rho;
    return false;
  }
  Eigen::MatrixXcd at100, at1000;
};

// exp(L t) rho0, with L the d^2 x d^2 matrix of the generator (eigenbasis, column stacking).
Eigen::MatrixXcd exact(const Eigen::MatrixXcd& L, const Eigen::MatrixXcd& rho0, double t) {
  const Eigen::Index d = rho0.rows();
  const Eigen::MatrixXcd E = (L * t).exp();
  Eigen::VectorXcd v = E * Eigen::Map<const Eigen::VectorXcd>(rho0.data(), d * d);
  return Eigen::Map<Eigen::MatrixXcd>(v.data(), d, d);
}

void run_case(int n, int k, const std::string& initial) {
  OpenSystem sys(Ring(n, 1.0, 2.0, {{2, 2.0}, {3, 1.0}}), k, {Bath(1, 2.0, 0.01, 10.0), Bath(3, 1.0, 0.01, 10.0)});
  InitialState init;
  init.kind = InitialState::Kind::product;
  init.product = initial;
  const Eigen::MatrixXcd rho0 = initial_density_matrix(sys, init);
  const SteadyState ness = find_steady_state(sys.eigenbasis(), sys.generator(), sector_weights(sys.eigenbasis(), rho0),
                                             SteadyStateSolver::dense);
  const Eigen::VectorXd& e = sys.generator().energies();
  const int d = sys.dimension();
  Eigen::MatrixXcd L(d * d, d * d);
  for (int c = 0; c < d * d; ++c) {
    Eigen::MatrixXcd unit = Eigen::MatrixXcd::Zero(d, d), out(d, d);
    unit(c % d, c / d) = 1.0;
    sys.generator().apply(unit, out);
    L.col(c) = Eigen::Map<Eigen::VectorXcd>(out.data(), d * d);
  }
  const Eigen::MatrixXcd exact100 = exact(L, rho0, 100.0), exact1000 = exact(L, rho0, 1000.0);
  const double omega_max = e.maxCoeff() - e.minCoeff();
  std::printf("N=%d K=%d (d=%d) from %s: omega_max = %.4f\n", n, k, sys.dimension(), initial.c_str(), omega_max);
  std::printf("  exact: TD(expm(1000 L) rho0, direct NESS) = %.2e\n", trace_distance(exact1000, ness.rho));
  std::printf("  %-11s %-9s %8s %9s %8s %9s %9s %13s %13s %13s\n", "frame", "cap scale", "h_max", "accepted",
              "rejected", "RHS", "integr. s", "TD100 exact", "TD1000 exact", "TD1000 NESS");
  std::vector<double> times(1001);
  for (int i = 0; i <= 1000; ++i) times[static_cast<std::size_t>(i)] = i;
  for (Frame frame : {Frame::interaction, Frame::lab})
    for (double scale : {0.0, 0.5, 1.0, 1.5, 2.0}) {
      IntegrationSettings settings;
      settings.max_step_scale = scale;
      settings.frame = frame;
      Propagator prop(sys.generator(), settings, ness.rho);
      KeepObserver obs;
      Eigen::MatrixXcd rho = rho0;
      const SolverStatistics st = prop.propagate(rho, times, obs);
      const std::string label = scale == 0 ? std::string("none") : std::to_string(scale).substr(0, 3);
      std::printf("  %-11s %-9s %8.4f %9ld %8ld %9ld %9.3f %13.2e %13.2e %13.2e\n", frame_name(frame).c_str(),
                  label.c_str(), scale == 0 ? st.last_step : st.max_step, st.accepted_steps, st.rejected_steps,
                  st.rhs_evaluations, st.wall_seconds, trace_distance(obs.at100, exact100),
                  trace_distance(obs.at1000, exact1000), trace_distance(obs.at1000, ness.rho));
    }
  std::printf("  (h_max: the cap; for 'none' the step in use at the end)\n\n");
}

}  // namespace

int main() {
  run_case(4, 2, "udud");
  run_case(6, 3, "ududud");
  return 0;
}
