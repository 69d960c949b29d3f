#pragma once
// One scanned parameter of a sweep: which parameter, and the grid START:STOP:COUNT.
#include <nessie/sweep/model_spec.hpp>

#include <string>
#include <vector>

namespace nessie {

enum class ScanParameter { delta, hopping, gamma, cutoff, field, temperature, bias, mean };

// A scanned parameter. `site` is used by field (the field's site) and temperature (the bath's site).
// bias and mean act on the first two baths: T_1 = mean + bias/2, T_2 = mean - bias/2 (the paper's Fig. 3).
struct ScanAxis {
  ScanParameter parameter = ScanParameter::delta;
  int site = 0;
  double start = 0, stop = 0;
  int count = 1;

  std::string name() const;           // delta, J, gamma, cutoff, field:SITE, temp:SITE, bias, mean
  std::vector<double> values() const; // count values from start to stop (start alone when count = 1)
  bool changes_hamiltonian() const;   // delta, J and fields do; the bath parameters do not
};

// Sets the scanned parameter of `spec` to `value`. InputError("--scan") when it cannot apply (no bath at the site,
// fewer than two baths for bias/mean).
void apply_scan_value(ModelSpec& spec, const ScanAxis& axis, double value);

}  // namespace nessie
