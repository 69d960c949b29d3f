#include <nessie/dynamics/positivity_monitor.hpp>

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

}  // namespace nessie
