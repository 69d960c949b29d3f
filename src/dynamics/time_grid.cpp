#include <nessie/dynamics/time_grid.hpp>

#include <nessie/errors.hpp>
#include <nessie/util/number_text.hpp>

#include <cmath>
#include <string>

namespace nessie {

std::vector<double> uniform_times(double t_end, double dt) {
  if (!(t_end > 0) || !std::isfinite(t_end)) throw InputError("--t-end", "must be > 0");
  if (!(dt > 0) || !std::isfinite(dt)) throw InputError("--dt-out", "must be > 0");
  const double steps = std::floor(t_end / dt * (1 + 1e-12));
  if (steps > 1e8) throw InputError("--dt-out", "more than 1e8 output times; choose a larger --dt-out");
  std::vector<double> times;
  for (long k = 0; k <= static_cast<long>(steps); ++k) times.push_back(static_cast<double>(k) * dt);
  if (t_end - times.back() > 1e-12 * t_end) times.push_back(t_end);
  else times.back() = t_end;
  return times;
}

std::vector<double> log_times(double t_end, int count, double t_first) {
  if (!(t_end > 0) || !std::isfinite(t_end)) throw InputError("--t-end", "must be > 0");
  if (count < 2) throw InputError("--log-times", "needs at least 2 times, got " + std::to_string(count));
  if (count > 100000000) throw InputError("--log-times", "more than 1e8 output times");
  if (!(t_first > 0) || !(t_first < t_end))
    throw InputError("--t-first", "must lie between 0 and --t-end, got " + number_text(t_first));
  std::vector<double> times = {0.0};
  const double ratio = std::log(t_end / t_first);
  for (int k = 0; k < count; ++k) times.push_back(t_first * std::exp(ratio * k / (count - 1)));
  times.back() = t_end;
  return times;
}

}  // namespace nessie
