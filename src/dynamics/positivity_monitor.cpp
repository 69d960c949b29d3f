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

bool eigenvalues_above(const Eigen::Ref<const Eigen::MatrixXcd>& rho, double shift, Eigen::MatrixXcd& scratch) {
  // Every eigenvalue lies above the shift iff rho - shift I is positive definite, i.e. its Cholesky factorisation
  // L L^H exists (lower triangle of rho read). Written out because Eigen's LLT also computes the matrix's 1-norm for
  // rcond(), whose complex absolute values (hypot) cost more than the factorisation at small d, and this runs after
  // every step. L is kept row by row, real and imaginary parts apart, in the scratch's storage, so that the sums over
  // k run along contiguous rows (6 x 6: 81 against 131 ns for a copy of rho factorised in place).
  const Eigen::Index n = rho.rows();
  scratch.resize(n, n);
  double* const real = reinterpret_cast<double*>(scratch.data());  // 2 n^2 doubles: Re L, then Im L
  double* const imag = real + n * n;
  for (Eigen::Index j = 0; j < n; ++j) {
    const double* real_j = real + j * n;
    const double* imag_j = imag + j * n;
    double pivot = rho(j, j).real() - shift;
    for (Eigen::Index k = 0; k < j; ++k) pivot -= real_j[k] * real_j[k] + imag_j[k] * imag_j[k];
    if (!(pivot > 0)) return false;
    const double inverse = 1.0 / std::sqrt(pivot);
    for (Eigen::Index i = j + 1; i < n; ++i) {
      const double* real_i = real + i * n;
      const double* imag_i = imag + i * n;
      double sum_real = rho(i, j).real(), sum_imag = rho(i, j).imag();
      for (Eigen::Index k = 0; k < j; ++k) {  // rho_ij - sum_k L_ik conj(L_jk)
        sum_real -= real_i[k] * real_j[k] + imag_i[k] * imag_j[k];
        sum_imag -= imag_i[k] * real_j[k] - real_i[k] * imag_j[k];
      }
      real[i * n + j] = sum_real * inverse;
      imag[i * n + j] = sum_imag * inverse;
    }
  }
  return true;
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
