#include <nessie/redfield/closed_system.hpp>

#include <stdexcept>

namespace nessie {

namespace {

const RingTerms& checked_terms(const std::shared_ptr<const RingTerms>& terms, const Ring& ring) {
  if (!terms || terms->sites() != ring.sites())
    throw std::logic_error("ClosedSystem: the operators were built for another number of sites");
  return *terms;
}

}  // namespace

ClosedSystem::ClosedSystem(std::shared_ptr<const RingTerms> terms, const Ring& ring)
    : ring_(ring),
      terms_(std::move(terms)),
      hamiltonian_(checked_terms(terms_, ring_).hamiltonian(ring_)),
      eigenbasis_(hamiltonian_, basis()) {}

}  // namespace nessie
