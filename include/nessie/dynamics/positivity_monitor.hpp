#pragma once
// Watches the smallest eigenvalue of rho(t) for violations of positivity (the Redfield equation is not completely
// positive; physics.md "Positivity").
#include <optional>

namespace nessie {

// Positivity over a run, as seen at the output times.
class PositivityMonitor {
 public:
  explicit PositivityMonitor(double threshold = -1e-12) : threshold_(threshold) {}

  void observe(double t, double min_eigenvalue);

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
};

}  // namespace nessie
