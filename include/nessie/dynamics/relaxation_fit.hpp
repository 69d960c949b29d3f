#pragma once
// The observed exponential relaxation rate: a fit of log(distance to the NESS) against time in the tail of a run.
#include <optional>
#include <vector>

namespace nessie {

// Result of a least-squares fit log D(t) = a - rate * t.
struct RelaxationFit {
  double rate = 0;
  double t_begin = 0, t_end = 0;  // the fitted window
  int points = 0;
};

// Fits the asymptotic tail: the samples after the distance first fell below 1e-2 of its initial value (fast transients
// are over) and before it reaches the noise floor, max(floor, 30 x the last distance), where integration errors flatten
// the curve. std::nullopt when fewer than 3 samples qualify.
std::optional<RelaxationFit> fit_relaxation_rate(const std::vector<double>& times, const std::vector<double>& distances,
                                                 double floor = 1e-10);

}  // namespace nessie
