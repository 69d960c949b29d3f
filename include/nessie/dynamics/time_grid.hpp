#pragma once
// Output times of a time evolution: uniform or logarithmically spaced, always starting at t = 0.
#include <vector>

namespace nessie {

// 0, dt, 2 dt, ..., up to t_end (t_end itself included even when it is not a multiple of dt).
std::vector<double> uniform_times(double t_end, double dt);
// 0 and `count` times log-spaced from t_first to t_end (both included).
std::vector<double> log_times(double t_end, int count, double t_first);

}  // namespace nessie
