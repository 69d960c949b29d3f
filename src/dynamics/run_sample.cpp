#include <nessie/dynamics/run_sample.hpp>

namespace nessie {

double trace_distance(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b) {
  const Eigen::MatrixXcd difference = a - b;
  const Eigen::MatrixXcd hermitian = (difference + difference.adjoint()) / 2.0;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> solver(hermitian, Eigen::EigenvaluesOnly);
  return solver.eigenvalues().cwiseAbs().sum() / 2;
}

RunSample measure_sample(const OpenSystem& system, const Eigen::MatrixXcd& rho_ness, double t,
                         const Eigen::MatrixXcd& rho) {
  RunSample sample;
  sample.time = t;
  sample.observables = system.observables().measure(rho);
  sample.distance_to_ness = trace_distance(rho, rho_ness);
  sample.derivative_norm = system.generator()(rho).norm();
  return sample;
}

}  // namespace nessie
