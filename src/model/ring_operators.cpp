#include <nessie/model/ring_operators.hpp>

namespace nessie {

namespace {

// Terms of h_{l,l+1} without the field terms: J (sx sx + sy sy) + Delta su su.
std::vector<PauliTerm> bond_terms(const Ring& ring, int l) {
  const int m = ring.next(l);
  return {
      {ring.hopping(), {{Pauli::x, l}, {Pauli::x, m}}},
      {ring.hopping(), {{Pauli::y, l}, {Pauli::y, m}}},
      {ring.interaction(), {{Pauli::up, l}, {Pauli::up, m}}},
  };
}

}  // namespace

SparseOperator ring_hamiltonian(const Ring& ring, const SpinBasis& basis) {
  std::vector<PauliTerm> terms;
  for (int l = 1; l <= ring.sites(); ++l) {
    for (PauliTerm& t : bond_terms(ring, l)) terms.push_back(std::move(t));
    if (ring.field(l) != 0.0) terms.push_back({ring.field(l), {{Pauli::z, l}}});
  }
  return build_operator(basis, terms);
}

SparseOperator bond_energy(const Ring& ring, const SpinBasis& basis, int site) {
  std::vector<PauliTerm> terms = bond_terms(ring, site);
  const int next = ring.next(site);
  terms.push_back({ring.field(site) / 2, {{Pauli::z, site}}});
  terms.push_back({ring.field(next) / 2, {{Pauli::z, next}}});
  return build_operator(basis, terms);
}

SparseOperator local_heat_current(const Ring& ring, const SpinBasis& basis, int site) {
  const SparseOperator left = bond_energy(ring, basis, ring.previous(site));
  const SparseOperator right = bond_energy(ring, basis, site);
  SparseOperator commutator = left * right - right * left;
  return Complex(0, 1) * commutator;
}

SparseOperator spin_current(const Ring& ring, const SpinBasis& basis, int site) {
  const int next = ring.next(site);
  return build_operator(basis, {
                                   {ring.hopping(), {{Pauli::x, site}, {Pauli::y, next}}},
                                   {-ring.hopping(), {{Pauli::y, site}, {Pauli::x, next}}},
                               });
}

SparseOperator site_sz(const SpinBasis& basis, int site) { return build_operator(basis, {{1.0, {{Pauli::z, site}}}}); }

}  // namespace nessie
