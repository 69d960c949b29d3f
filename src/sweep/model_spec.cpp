#include <nessie/sweep/model_spec.hpp>

#include <stdexcept>

namespace nessie {

std::vector<Bath> ModelSpec::bath_objects() const {
  std::vector<Bath> result;
  for (const BathSpec& b : baths) result.emplace_back(b.site, b.temperature, b.gamma, b.cutoff);
  return result;
}

std::unique_ptr<OpenSystem> ModelSpec::build(std::shared_ptr<const ClosedSystem> closed) const {
  const Ring mine = ring();
  const Ring& theirs = closed->ring();
  if (mine.sites() != theirs.sites() || mine.hopping() != theirs.hopping() ||
      mine.interaction() != theirs.interaction() || mine.fields() != theirs.fields() || up != closed->basis().up())
    throw std::logic_error("ModelSpec::build: the closed system belongs to another ring");
  return std::make_unique<OpenSystem>(std::move(closed), bath_objects());
}

}  // namespace nessie
