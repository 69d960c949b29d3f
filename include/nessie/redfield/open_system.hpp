#pragma once
// The ring, its sector, its baths and everything derived from them once: H, eigenbasis, generator, observables.
#include <nessie/baths/bath.hpp>
#include <nessie/model/pauli_operator.hpp>
#include <nessie/model/ring.hpp>
#include <nessie/model/ring_terms.hpp>
#include <nessie/model/spin_basis.hpp>
#include <nessie/observables/observables.hpp>
#include <nessie/redfield/closed_system.hpp>
#include <nessie/redfield/eigenbasis.hpp>
#include <nessie/redfield/generator.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace nessie {

// An open quantum system of nessie: built once, then shared read-only by the solvers (not copyable, not movable,
// because the observable set refers to the generator).
class OpenSystem {
 public:
  // `up`: number of up spins of the sector, std::nullopt for the full space. Baths must sit on distinct ring sites.
  OpenSystem(const Ring& ring, std::optional<int> up, const std::vector<Bath>& baths);
  // The same on operators built earlier for this number of sites and sector (shared by the points of a sweep).
  OpenSystem(std::shared_ptr<const RingTerms> terms, const Ring& ring, const std::vector<Bath>& baths);
  // The same on a ring diagonalised earlier (shared by the points of a sweep that change only the baths).
  OpenSystem(std::shared_ptr<const ClosedSystem> closed, const std::vector<Bath>& baths);
  OpenSystem(const OpenSystem&) = delete;
  OpenSystem& operator=(const OpenSystem&) = delete;

  const ClosedSystem& closed() const { return *closed_; }
  const Ring& ring() const { return closed_->ring(); }
  const RingTerms& terms() const { return closed_->terms(); }
  const SpinBasis& basis() const { return closed_->basis(); }
  const SparseOperator& hamiltonian() const { return closed_->hamiltonian(); }
  const Eigenbasis& eigenbasis() const { return closed_->eigenbasis(); }
  const RedfieldGenerator& generator() const { return generator_; }
  const ObservableSet& observables() const { return observables_; }
  const std::vector<Bath>& baths() const { return generator_.baths(); }
  int dimension() const { return basis().dimension(); }

 private:
  std::shared_ptr<const ClosedSystem> closed_;
  RedfieldGenerator generator_;
  ObservableSet observables_;
};

}  // namespace nessie
