#include <nessie/sweep/scan_axis.hpp>

#include <nessie/errors.hpp>

namespace nessie {

std::string ScanAxis::name() const {
  switch (parameter) {
    case ScanParameter::delta: return "delta";
    case ScanParameter::hopping: return "J";
    case ScanParameter::gamma: return "gamma";
    case ScanParameter::cutoff: return "cutoff";
    case ScanParameter::field: return "field:" + std::to_string(site);
    case ScanParameter::temperature: return "temp:" + std::to_string(site);
    case ScanParameter::bias: return "bias";
    case ScanParameter::mean: return "mean";
  }
  return "?";
}

std::vector<double> ScanAxis::values() const {
  std::vector<double> v;
  for (int k = 0; k < count; ++k)
    v.push_back(count == 1 ? start : start + (stop - start) * static_cast<double>(k) / (count - 1));
  return v;
}

bool ScanAxis::changes_hamiltonian() const {
  return parameter == ScanParameter::delta || parameter == ScanParameter::hopping || parameter == ScanParameter::field;
}

void apply_scan_value(ModelSpec& spec, const ScanAxis& axis, double value) {
  switch (axis.parameter) {
    case ScanParameter::delta: spec.interaction = value; return;
    case ScanParameter::hopping: spec.hopping = value; return;
    case ScanParameter::gamma:
      for (BathSpec& b : spec.baths) b.gamma = value;
      return;
    case ScanParameter::cutoff:
      for (BathSpec& b : spec.baths) b.cutoff = value;
      return;
    case ScanParameter::field:
      if (axis.site < 1 || axis.site > spec.sites)
        throw InputError("--scan", "field:" + std::to_string(axis.site) + ": site is not on the ring of " +
                                       std::to_string(spec.sites) + " sites");
      spec.fields[axis.site] = value;
      return;
    case ScanParameter::temperature:
      for (BathSpec& b : spec.baths)
        if (b.site == axis.site) {
          b.temperature = value;
          return;
        }
      throw InputError("--scan", "temp:" + std::to_string(axis.site) + ": there is no bath at site " +
                                     std::to_string(axis.site));
    case ScanParameter::bias:
    case ScanParameter::mean: {
      if (spec.baths.size() < 2) throw InputError("--scan", axis.name() + " needs at least two baths");
      BathSpec& hot = spec.baths[0];
      BathSpec& cold = spec.baths[1];
      const double mean = (hot.temperature + cold.temperature) / 2, bias = hot.temperature - cold.temperature;
      const double new_mean = axis.parameter == ScanParameter::mean ? value : mean;
      const double new_bias = axis.parameter == ScanParameter::bias ? value : bias;
      hot.temperature = new_mean + new_bias / 2;
      cold.temperature = new_mean - new_bias / 2;
      return;
    }
  }
}

}  // namespace nessie
