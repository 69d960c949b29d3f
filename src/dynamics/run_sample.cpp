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
  // |d rho/dt| (Frobenius) with the Hermitian form of the generator (rho is Hermitian: the integration keeps it so)
  Eigen::MatrixXcd derivative(rho.rows(), rho.cols());
  system.generator().apply_hermitian(rho, derivative);
  sample.derivative_norm = derivative.norm();
  return sample;
}

}  // namespace nessie
