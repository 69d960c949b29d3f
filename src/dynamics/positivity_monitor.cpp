#include <nessie/dynamics/positivity_monitor.hpp>

#include <nessie/util/hermitian_eigenvalues.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
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
  return hermitian_eigenvalues(rho).minCoeff();
}

namespace {

// Whether the Hermitian matrix `a` (lower triangle read) is positive definite: its Cholesky factorisation a = L L^H
// exists, computed in place. Written out because Eigen's LLT also computes the matrix's 1-norm for rcond(), whose
// complex absolute values (hypot) cost more than the factorisation at small d, and this runs after every step.
bool positive_definite(Eigen::MatrixXcd& a) {
  const Eigen::Index n = a.rows();
  for (Eigen::Index j = 0; j < n; ++j) {
    double pivot = a(j, j).real();
    for (Eigen::Index k = 0; k < j; ++k) pivot -= std::norm(a(j, k));
    if (!(pivot > 0)) return false;
    const double l_jj = std::sqrt(pivot);
    const double inverse = 1.0 / l_jj;
    for (Eigen::Index i = j + 1; i < n; ++i) {
      std::complex<double> sum = a(i, j);
      for (Eigen::Index k = 0; k < j; ++k) sum -= a(i, k) * std::conj(a(j, k));
      a(i, j) = sum * inverse;
    }
  }
  return true;
}

}  // namespace

bool eigenvalues_above(const Eigen::Ref<const Eigen::MatrixXcd>& rho, double shift, Eigen::MatrixXcd& scratch) {
  scratch = rho;
  scratch.diagonal().array() -= shift;
  return positive_definite(scratch);  // rho - shift I positive definite: every eigenvalue above the shift
}

bool step_eigenvalues_above(const StepState& step, double reference_min_eigenvalue, double threshold,
                            Eigen::MatrixXcd& scratch) {
  constexpr double margin = 1e-9;
  if (step.deviation_bound() < reference_min_eigenvalue - threshold - margin) return true;
  return eigenvalues_above(step.rho(), threshold, scratch);
}

void PositivityMonitor::observe_state(double t, const Eigen::Ref<const Eigen::MatrixXcd>& rho) {
  if (previous_time_) {
    // No violation; a smaller positive eigenvalue is left to the exact samples.
    if (eigenvalues_above(rho, threshold_, shifted_)) {
      observe(t, std::numeric_limits<double>::infinity());
      return;
    }
    if (eigenvalues_above(rho, most_negative_, shifted_)) {  // a violation, but no new minimum
      observe(t, most_negative_);
      return;
    }
  }
  ++eigenvalue_evaluations_;
  observe(t, smallest_eigenvalue(rho));
}

}  // namespace nessie
