#include <nessie/dynamics/positivity_monitor.hpp>

#include <algorithm>
#include <limits>

namespace nessie {

void PositivityMonitor::observe(double t, double min_eigenvalue) {
  if (min_eigenvalue < most_negative_) {
    most_negative_ = min_eigenvalue;
    most_negative_time_ = t;
  }
  if (min_eigenvalue < threshold_) {
    if (!first_violation_) first_violation_ = t;
    if (previous_time_) duration_ += t - *previous_time_;
  }
  previous_time_ = t;
}

double smallest_eigenvalue(const Eigen::Ref<const Eigen::MatrixXcd>& rho) {
  const Eigen::MatrixXcd hermitian = (rho + rho.adjoint()) / 2.0;
  return Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd>(hermitian, Eigen::EigenvaluesOnly).eigenvalues().minCoeff();
}

bool PositivityMonitor::above(const Eigen::Ref<const Eigen::MatrixXcd>& rho, double shift) {
  shifted_ = rho;
  shifted_.diagonal().array() -= shift;
  Eigen::LLT<Eigen::Ref<Eigen::MatrixXcd>> cholesky(shifted_);  // in place, no allocation
  return cholesky.info() == Eigen::Success;  // rho - shift I positive definite: every eigenvalue above the shift
}

void PositivityMonitor::observe_state(double t, const Eigen::Ref<const Eigen::MatrixXcd>& rho) {
  if (previous_time_) {
    if (above(rho, threshold_)) {  // no violation; a smaller positive eigenvalue is left to the exact samples
      observe(t, std::numeric_limits<double>::infinity());
      return;
    }
    if (above(rho, most_negative_)) {  // a violation, but no new minimum
      observe(t, most_negative_);
      return;
    }
  }
  ++eigenvalue_evaluations_;
  observe(t, smallest_eigenvalue(rho));
}

}  // namespace nessie
