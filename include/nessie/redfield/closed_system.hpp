#pragma once
// The ring without its baths: H on one basis and its eigenbasis. Open systems that differ only in their baths (the
// points of a sweep over temperatures, gamma or the cutoff) share one, so H is diagonalised once for all of them.
#include <nessie/model/pauli_operator.hpp>
#include <nessie/model/ring.hpp>
#include <nessie/model/ring_terms.hpp>
#include <nessie/observables/current_operators.hpp>
#include <nessie/redfield/eigenbasis.hpp>

#include <memory>
#include <mutex>
#include <vector>

namespace nessie {

class ClosedSystem {
 public:
  // `terms` built for ring.sites() sites (std::logic_error otherwise).
  ClosedSystem(std::shared_ptr<const RingTerms> terms, const Ring& ring);
  ClosedSystem(const ClosedSystem&) = delete;  // the eigenbasis and the open systems refer to its members
  ClosedSystem& operator=(const ClosedSystem&) = delete;

  const Ring& ring() const { return ring_; }
  const RingTerms& terms() const { return *terms_; }
  const SpinBasis& basis() const { return terms_->basis(); }
  const SparseOperator& hamiltonian() const { return hamiltonian_; }
  const Eigenbasis& eigenbasis() const { return eigenbasis_; }
  // sz at `site` (1-based) in the eigenbasis, V^T sz V: a bath's coupling S_b, computed on first use (thread-safe)
  // and then shared by every open system on this ring.
  const Eigen::MatrixXd& sz_in_eigenbasis(int site) const;
  // The local heat and spin currents' operators in the eigenbasis, built on first use (thread-safe) and shared; null
  // above CurrentOperators::max_dimension.
  const CurrentOperators* current_operators() const;

 private:
  Ring ring_;
  std::shared_ptr<const RingTerms> terms_;
  SparseOperator hamiltonian_;
  Eigenbasis eigenbasis_;
  mutable std::vector<Eigen::MatrixXd> sz_in_eigenbasis_;  // per site, filled on first use
  std::unique_ptr<std::once_flag[]> sz_built_;
  mutable std::unique_ptr<const CurrentOperators> current_operators_;
  mutable std::once_flag current_operators_built_;
};

}  // namespace nessie
