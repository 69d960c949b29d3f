#include <nessie/dynamics/run_sample.hpp>

#include <nessie/util/hermitian_eigenvalues.hpp>

namespace nessie {

double trace_distance(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b) {
  thread_local Eigen::MatrixXcd difference;
  difference = a - b;
  return hermitian_eigenvalues(difference).cwiseAbs().sum() / 2;
}

RunSample measure_sample(const OpenSystem& system, const Eigen::MatrixXcd& rho_ness, double t,
                         const Eigen::MatrixXcd& rho, std::optional<double> distance_to_ness) {
  RunSample sample;
  sample.time = t;
  sample.observables = system.observables().measure(rho);
  sample.distance_to_ness = distance_to_ness ? *distance_to_ness : trace_distance(rho, rho_ness);
  // |d rho/dt| (Frobenius) with the Hermitian form of the generator (rho is Hermitian: the integration keeps it so)
  Eigen::MatrixXcd derivative(rho.rows(), rho.cols());
  system.generator().apply_hermitian(rho, derivative);
  sample.derivative_norm = derivative.norm();
  return sample;
}

}  // namespace nessie
