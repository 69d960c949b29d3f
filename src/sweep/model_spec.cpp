#include <nessie/sweep/model_spec.hpp>

namespace nessie {

std::vector<Bath> ModelSpec::bath_objects() const {
  std::vector<Bath> result;
  for (const BathSpec& b : baths) result.emplace_back(b.site, b.temperature, b.gamma, b.cutoff);
  return result;
}

}  // namespace nessie
