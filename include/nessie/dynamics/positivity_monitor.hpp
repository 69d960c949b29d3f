#pragma once
// Watches the smallest eigenvalue of rho(t) for violations of positivity (the Redfield equation is not completely
// positive; physics.md "Positivity").
#include <nessie/dynamics/propagator.hpp>

#include <Eigen/Dense>
#include <optional>

namespace nessie {

// The smallest eigenvalue of the Hermitian part of rho.
double smallest_eigenvalue(const Eigen::Ref<const Eigen::MatrixXcd>& rho);

// Whether every eigenvalue of the Hermitian rho (lower triangle read) lies above `shift`: the Cholesky factorisation
// of rho - shift I exists (computed in `scratch`, which must not be rho), a fraction of the cost of the eigenvalues.
bool eigenvalues_above(const Eigen::Ref<const Eigen::MatrixXcd>& rho, double shift, Eigen::MatrixXcd& scratch);

// The same for the state after an integration step, against `threshold`: first by Weyl's inequality, every eigenvalue
// of rho being at least lambda_min(rho_ref) - ||rho - rho_ref||_2 >= reference_min_eigenvalue - step.deviation_bound()
// (with a margin far above round-off; rho is not even formed: in the interaction frame, the tail of a run), else by
// eigenvalues_above(step.rho(), threshold).
bool step_eigenvalues_above(const StepState& step, double reference_min_eigenvalue, double threshold,
                            Eigen::MatrixXcd& scratch);

// Positivity over a run, as seen at the output times.
class PositivityMonitor {
 public:
  explicit PositivityMonitor(double threshold = -1e-12) : threshold_(threshold) {}

  void observe(double t, double min_eigenvalue);
  // The same for a state whose smallest eigenvalue is not known yet (after every integration step), watching for
  // violations only: Cholesky factorisations of rho - s I (a fraction of the cost of the eigenvalues) tell whether
  // the smallest eigenvalue lies above s = the threshold, and else above s = the most negative one so far; the
  // eigenvalues are computed only for a new minimum below the threshold (and on the first call). So every violation
  // and its most negative eigenvalue are recorded exactly; a smaller positive eigenvalue between two exact samples
  // (observe) is not.
  void observe_state(double t, const Eigen::Ref<const Eigen::MatrixXcd>& rho);
  long eigenvalue_evaluations() const { return eigenvalue_evaluations_; }  // by observe_state

  double threshold() const { return threshold_; }
  double most_negative() const { return most_negative_; }  // smallest eigenvalue seen
  double most_negative_time() const { return most_negative_time_; }
  std::optional<double> first_violation() const { return first_violation_; }  // first time below the threshold
  // Total time rho was seen non-positive: the sum of the intervals between consecutive output times whose later
  // sample is below the threshold (so it is resolved only to the output grid).
  double violation_duration() const { return duration_; }
  bool violated() const { return first_violation_.has_value(); }

 private:
  double threshold_;
  double most_negative_ = 1e300;
  double most_negative_time_ = 0;
  std::optional<double> first_violation_;
  double duration_ = 0;
  std::optional<double> previous_time_;
  long eigenvalue_evaluations_ = 0;
  Eigen::MatrixXcd shifted_;  // scratch of observe_state
};

}  // namespace nessie
