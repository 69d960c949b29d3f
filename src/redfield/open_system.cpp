#include <nessie/redfield/open_system.hpp>

#include <nessie/errors.hpp>
#include <nessie/model/ring_operators.hpp>

#include <set>
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

std::vector<SparseOperator> coupling_operators(const SpinBasis& basis, const std::vector<Bath>& baths) {
  std::vector<SparseOperator> ops;
  for (const Bath& b : baths) ops.push_back(site_sz(basis, b.site()));
  return ops;
}

}  // namespace

OpenSystem::OpenSystem(const Ring& ring, std::optional<int> up, const std::vector<Bath>& baths)
    : ring_(ring),
      basis_(ring.sites(), up),
      hamiltonian_(ring_hamiltonian(ring_, basis_)),
      eigenbasis_(hamiltonian_, basis_),
      generator_(eigenbasis_, checked_baths(ring_, baths), coupling_operators(basis_, baths), &hamiltonian_),
      observables_(ring_, basis_, eigenbasis_, generator_) {}

}  // namespace nessie
