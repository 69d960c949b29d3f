#include <nessie/sweep/model_spec.hpp>

#include <stdexcept>

namespace nessie {

std::vector<Bath> ModelSpec::bath_objects() const {
  std::vector<Bath> result;
  result.reserve(baths.size());
  for (const BathSpec& b : baths) result.emplace_back(b.site, b.temperature, b.gamma, b.cutoff);
  return result;
}

std::unique_ptr<OpenSystem> ModelSpec::build(std::shared_ptr<const ClosedSystem> closed) const {
  const Ring& theirs = closed->ring();
  bool same = sites == theirs.sites() && hopping == theirs.hopping() && interaction == theirs.interaction() &&
              up == closed->basis().up();
  for (int l = 1; same && l <= sites; ++l) {
    const auto field = fields.find(l);
    same = (field == fields.end() ? 0.0 : field->second) == theirs.field(l);
  }
  if (!same) throw std::logic_error("ModelSpec::build: the closed system belongs to another ring");
  return std::make_unique<OpenSystem>(std::move(closed), bath_objects());
}

}  // namespace nessie
