#pragma once
// The Hamiltonian of the ring and the local operators whose expectations are the currents (physics.md, paper Eqs. 1, 11-13).
#include <nessie/model/pauli_operator.hpp>
#include <nessie/model/ring.hpp>
#include <nessie/model/spin_basis.hpp>

namespace nessie {

// H = sum_l [J (sx_l sx_{l+1} + sy_l sy_{l+1}) + Delta su_l su_{l+1}] + sum_l h_l sz_l   (paper Eq. 1, physics.md).
SparseOperator ring_hamiltonian(const Ring& ring, const SpinBasis& basis);

// Bond energy h_{l,l+1} = J (sx sx + sy sy) + Delta su su + (h_l/2) sz_l + (h_{l+1}/2) sz_{l+1}   (paper Eq. 11).
SparseOperator bond_energy(const Ring& ring, const SpinBasis& basis, int site);

// Local heat current through `site`: i [h_{l-1,l}, h_{l,l+1}]   (paper Eq. 12).
SparseOperator local_heat_current(const Ring& ring, const SpinBasis& basis, int site);

// Spin current on bond (l, l+1): J (sx_l sy_{l+1} - sy_l sx_{l+1})   (paper Eq. 13).
SparseOperator spin_current(const Ring& ring, const SpinBasis& basis, int site);

// sz on one site (the bath coupling operator S_b), diagonal in the product basis.
SparseOperator site_sz(const SpinBasis& basis, int site);

}  // namespace nessie
