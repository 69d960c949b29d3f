#pragma once
// The ring, its sector, its baths and everything derived from them once: H, eigenbasis, generator, observables.
#include <nessie/baths/bath.hpp>
#include <nessie/model/pauli_operator.hpp>
#include <nessie/model/ring.hpp>
#include <nessie/model/spin_basis.hpp>
#include <nessie/observables/observables.hpp>
#include <nessie/redfield/eigenbasis.hpp>
#include <nessie/redfield/generator.hpp>

#include <optional>
#include <vector>

namespace nessie {

// An open quantum system of nessie: built once, then shared read-only by the solvers (not copyable, not movable,
// because the observable set refers to the generator).
class OpenSystem {
 public:
  // `up`: number of up spins of the sector, std::nullopt for the full space. Baths must sit on distinct ring sites.
  OpenSystem(const Ring& ring, std::optional<int> up, const std::vector<Bath>& baths);
  OpenSystem(const OpenSystem&) = delete;
  OpenSystem& operator=(const OpenSystem&) = delete;

  const Ring& ring() const { return ring_; }
  const SpinBasis& basis() const { return basis_; }
  const SparseOperator& hamiltonian() const { return hamiltonian_; }
  const Eigenbasis& eigenbasis() const { return eigenbasis_; }
  const RedfieldGenerator& generator() const { return generator_; }
  const ObservableSet& observables() const { return observables_; }
  const std::vector<Bath>& baths() const { return generator_.baths(); }
  int dimension() const { return basis_.dimension(); }

 private:
  Ring ring_;
  SpinBasis basis_;
  SparseOperator hamiltonian_;
  Eigenbasis eigenbasis_;
  RedfieldGenerator generator_;
  ObservableSet observables_;
};

}  // namespace nessie
