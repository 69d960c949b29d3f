#include <nessie/dynamics/relaxation_fit.hpp>

#include <algorithm>
#include <cmath>

namespace nessie {

std::optional<RelaxationFit> fit_relaxation_rate(const std::vector<double>& times, const std::vector<double>& distances,
                                                 double floor) {
  if (times.empty() || times.size() != distances.size()) return std::nullopt;
  const double noise = std::max(floor, 30 * distances.back());
  const double start = 1e-2 * distances.front();
  bool in_tail = false;
  double n = 0, st = 0, sy = 0, stt = 0, sty = 0;
  RelaxationFit fit;
  for (std::size_t k = 0; k < times.size(); ++k) {
    in_tail = in_tail || distances[k] < start;
    if (!in_tail) continue;
    if (!(distances[k] > noise)) break;
    const double y = std::log(distances[k]);
    if (fit.points == 0) fit.t_begin = times[k];
    fit.t_end = times[k];
    ++fit.points;
    n += 1;
    st += times[k];
    sy += y;
    stt += times[k] * times[k];
    sty += times[k] * y;
  }
  const double denominator = n * stt - st * st;
  if (fit.points < 3 || !(denominator > 0)) return std::nullopt;
  fit.rate = -(n * sty - st * sy) / denominator;
  return fit;
}

}  // namespace nessie
