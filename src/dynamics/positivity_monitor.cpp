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

void PositivityMonitor::observe_state(double t, const Eigen::Ref<const Eigen::MatrixXcd>& rho) {
  if (previous_time_) {
    const double shift = std::max(most_negative_, threshold_);
    shifted_ = rho;
    shifted_.diagonal().array() -= shift;
    Eigen::LLT<Eigen::Ref<Eigen::MatrixXcd>> cholesky(shifted_);  // in place, no allocation
    if (cholesky.info() == Eigen::Success) {  // every eigenvalue above the shift: neither record can change
      observe(t, std::numeric_limits<double>::infinity());
      return;
    }
  }
  ++eigenvalue_evaluations_;
  const Eigen::MatrixXcd hermitian = (rho + rho.adjoint()) / 2.0;
  observe(t, Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd>(hermitian, Eigen::EigenvaluesOnly).eigenvalues().minCoeff());
}

}  // namespace nessie
