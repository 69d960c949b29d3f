#include <nessie/redfield/open_system.hpp>

#include <nessie/errors.hpp>

#include <set>
#include <stdexcept>
#include <string>

namespace nessie {

namespace {

const std::vector<Bath>& checked_baths(const Ring& ring, const std::vector<Bath>& baths) {
  std::set<int> sites;
  for (const Bath& b : baths) {
    if (b.site() < 1 || b.site() > ring.sites())
      throw InputError("--bath", "site " + std::to_string(b.site()) + " is not on the ring of " +
                                     std::to_string(ring.sites()) + " sites");
    if (!sites.insert(b.site()).second)
      throw InputError("--bath", "two baths on site " + std::to_string(b.site()));
  }
  return baths;
}

// S_b = sz at the site of each bath (the baths are checked first).
std::vector<SparseOperator> coupling_operators(const RingTerms& terms, const Ring& ring, const std::vector<Bath>& baths) {
  std::vector<SparseOperator> ops;
  for (const Bath& b : checked_baths(ring, baths)) ops.push_back(terms.sz(b.site()));
  return ops;
}

const RingTerms& checked_terms(const std::shared_ptr<const RingTerms>& terms, const Ring& ring) {
  if (!terms || terms->sites() != ring.sites())
    throw std::logic_error("OpenSystem: the operators were built for another number of sites");
  return *terms;
}

}  // namespace

OpenSystem::OpenSystem(const Ring& ring, std::optional<int> up, const std::vector<Bath>& baths)
    : OpenSystem(std::make_shared<const RingTerms>(ring.sites(), up), ring, baths) {}

OpenSystem::OpenSystem(std::shared_ptr<const RingTerms> terms, const Ring& ring, const std::vector<Bath>& baths)
    : ring_(ring),
      terms_(std::move(terms)),
      hamiltonian_(checked_terms(terms_, ring_).hamiltonian(ring_)),
      eigenbasis_(hamiltonian_, basis()),
      generator_(eigenbasis_, baths, coupling_operators(*terms_, ring_, baths), &hamiltonian_),
      observables_(ring_, *terms_, eigenbasis_, generator_) {}

}  // namespace nessie
