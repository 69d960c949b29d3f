#include <nessie/dynamics/run_sample.hpp>

#include <nessie/util/hermitian_eigenvalues.hpp>

namespace nessie {

double trace_distance(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b) {
  thread_local Eigen::MatrixXcd difference;
  difference = a - b;
  return hermitian_eigenvalues(difference).cwiseAbs().sum() / 2;
}

SampleMeasurer::SampleMeasurer(const OpenSystem& system, const Eigen::MatrixXcd& rho_ness)
    : system_(system), rho_ness_(rho_ness), derivative_norm_(system.generator()) {}

void SampleMeasurer::measure(double t, const Eigen::MatrixXcd& rho, std::optional<double> distance_to_ness,
                             RunSample& out) {
  out.time = t;
  system_.observables().measure(rho, out.observables);
  out.distance_to_ness = distance_to_ness ? *distance_to_ness : trace_distance(rho, rho_ness_);
  out.derivative_norm = derivative_norm_(rho);
}

}  // namespace nessie
