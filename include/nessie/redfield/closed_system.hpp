#pragma once
// The ring without its baths: H on one basis and its eigenbasis. Open systems that differ only in their baths (the
// points of a sweep over temperatures, gamma or the cutoff) share one, so H is diagonalised once for all of them.
#include <nessie/model/pauli_operator.hpp>
#include <nessie/model/ring.hpp>
#include <nessie/model/ring_terms.hpp>
#include <nessie/redfield/eigenbasis.hpp>

#include <memory>

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

 private:
  Ring ring_;
  std::shared_ptr<const RingTerms> terms_;
  SparseOperator hamiltonian_;
  Eigenbasis eigenbasis_;
};

}  // namespace nessie
