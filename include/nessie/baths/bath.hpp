#pragma once
// A bosonic heat bath attached to one site of the ring through S_b = sz (physics.md, "Baths").

#include <utility>

namespace nessie {

// Bath at `site` with temperature T, Ohmic spectral density J(w) = gamma w exp(-|w|/wc), odd in w.
class Bath {
 public:
  Bath(int site, double temperature, double coupling, double cutoff);

  int site() const { return site_; }
  double temperature() const { return temperature_; }
  double coupling() const { return coupling_; }  // gamma
  double cutoff() const { return cutoff_; }      // wc

  // J(w) = gamma w exp(-|w|/wc), continued as an odd function.
  double spectral_density(double w) const;
  // G(eps) = J(eps) [1 + n(eps)], n(eps) = 1/(exp(eps/T) - 1); G(0) = gamma T   (physics.md, Redfield equation).
  // Written as gamma exp(-|eps|/wc) eps / (1 - exp(-eps/T)), which holds for both signs and is smooth at 0.
  double rate(double eps) const;
  // {G(eps), G(-eps)} with one exponential each: G(-eps) = exp(-eps/T) G(eps) (detailed balance).
  std::pair<double, double> rates(double eps) const;

 private:
  int site_;
  double temperature_;
  double coupling_;
  double cutoff_;
};

}  // namespace nessie
