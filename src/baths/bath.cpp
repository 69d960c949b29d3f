#include <nessie/baths/bath.hpp>

#include <nessie/errors.hpp>
#include <nessie/util/number_text.hpp>

#include <cmath>
#include <string>

namespace nessie {

Bath::Bath(int site, double temperature, double coupling, double cutoff)
    : site_(site), temperature_(temperature), coupling_(coupling), cutoff_(cutoff) {
  auto where = [site] { return "bath at site " + std::to_string(site); };  // built only for a message
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw InputError("--bath", where() + ": temperature must be > 0, got " + number_text(temperature));
  if (!(coupling >= 0) || !std::isfinite(coupling))
    throw InputError("--gamma", where() + ": coupling gamma must be >= 0, got " + number_text(coupling));
  if (!(cutoff > 0) || !std::isfinite(cutoff))
    throw InputError("--cutoff", where() + ": cutoff frequency must be > 0, got " + number_text(cutoff));
}

double Bath::spectral_density(double w) const { return coupling_ * w * std::exp(-std::abs(w) / cutoff_); }

double Bath::rate(double eps) const {
  const double x = eps / temperature_;
  // x / (1 - exp(-x)) -> 1 as x -> 0; expm1 keeps full precision for small |x|.
  const double bose_factor = (x == 0.0) ? 1.0 : x / -std::expm1(-x);
  return coupling_ * std::exp(-std::abs(eps) / cutoff_) * temperature_ * bose_factor;
}

std::pair<double, double> Bath::rates(double eps) const {
  if (eps < 0) {
    const auto [forward, backward] = rates(-eps);
    return {backward, forward};
  }
  const double x = eps / temperature_;
  if (x == 0.0) return {coupling_ * temperature_, coupling_ * temperature_};
  // exp(-x) and exp(-x) - 1, both to full relative precision, from one exponential.
  double exp_minus_x, expm1_minus_x;
  if (x > 0.5) {
    exp_minus_x = std::exp(-x);
    expm1_minus_x = exp_minus_x - 1.0;
  } else {
    expm1_minus_x = std::expm1(-x);
    exp_minus_x = 1.0 + expm1_minus_x;
  }
  const double forward = coupling_ * std::exp(-eps / cutoff_) * temperature_ * (x / -expm1_minus_x);
  return {forward, forward * exp_minus_x};
}

}  // namespace nessie
