#pragma once
// The operators of the ring on one basis, split by coupling constant (physics.md; paper Eqs. 1, 11-13): every term is
// a fixed Pauli string, so the Hamiltonian, the bond energies and the currents of any J, Delta and fields are linear
// (or, for the local heat currents, bilinear) combinations of operators built once per basis. A parameter sweep
// builds them once instead of once per point.
#include <nessie/model/pauli_operator.hpp>
#include <nessie/model/ring.hpp>
#include <nessie/model/spin_basis.hpp>

#include <array>
#include <optional>
#include <vector>

namespace nessie {

// The four terms of a bond energy h_{l,l+1} (paper Eq. 11), in this order.
enum BondTerm { bond_hopping = 0, bond_interaction = 1, bond_field_first = 2, bond_field_second = 3 };

// Coefficients of the four terms of h_{l,l+1} = J (sx sx + sy sy) + Delta su su + (h_l/2) sz_l + (h_{l+1}/2) sz_{l+1}.
std::array<double, 4> bond_coefficients(const Ring& ring, int bond);

class RingTerms {
 public:
  // One commutator of the local heat current through a site: i [A_left, B_right], where A_left is term `left` of
  // h_{l-1,l} and B_right term `right` of h_{l,l+1}.
  struct CommutatorPiece {
    int left;
    int right;
    SparseOperator op;
  };

  // `up`: the sector's number of up spins, std::nullopt for the full space.
  RingTerms(int sites, std::optional<int> up);

  int sites() const { return basis_.sites(); }
  const SpinBasis& basis() const { return basis_; }

  // Bond (l, l+1), l = 1..N (bond N is (N, 1)): sx_l sx_{l+1} + sy_l sy_{l+1}, su_l su_{l+1} and
  // sx_l sy_{l+1} - sy_l sx_{l+1}; and sz on one site.
  const SparseOperator& hopping(int bond) const { return hopping_[index(bond)]; }
  const SparseOperator& interaction(int bond) const { return interaction_[index(bond)]; }
  const SparseOperator& spin_current(int bond) const { return spin_current_[index(bond)]; }
  const SparseOperator& sz(int site) const { return sz_[index(site)]; }
  // Term t (BondTerm) of h_{l,l+1} without its coefficient.
  const SparseOperator& bond_term(int bond, int term) const;

  // H = sum_l [J (sx_l sx_{l+1} + sy_l sy_{l+1}) + Delta su_l su_{l+1}] + sum_l h_l sz_l   (paper Eq. 1).
  SparseOperator hamiltonian(const Ring& ring) const;

  // The local heat current through `site` (paper Eq. 12) is bilinear in the bond coefficients:
  //   i [h_{l-1,l}, h_{l,l+1}] = sum_{a,b} c_{l-1,a} c_{l,b} i [A_a, B_b]   (c = bond_coefficients),
  // summed over these pieces (the pairs that commute, such as two sz, are left out).
  const std::vector<CommutatorPiece>& heat_current_pieces(int site) const { return heat_current_pieces_[index(site)]; }
  // Calls f(c, op) for each of these pieces with its coefficient c = c_{l-1,a} c_{l,b} for `ring`, skipping the
  // pieces whose coefficient is zero.
  template <class F>
  void for_each_heat_current_piece(const Ring& ring, int site, F&& f) const {
    const std::array<double, 4> left = bond_coefficients(ring, ring.previous(site));
    const std::array<double, 4> right = bond_coefficients(ring, site);
    for (const CommutatorPiece& piece : heat_current_pieces(site)) {
      const double c = left[static_cast<std::size_t>(piece.left)] * right[static_cast<std::size_t>(piece.right)];
      if (c != 0.0) f(c, piece.op);
    }
  }

 private:
  std::size_t index(int site) const;

  SpinBasis basis_;
  std::vector<SparseOperator> hopping_, interaction_, spin_current_, sz_;
  SparseOperator hopping_sum_, interaction_sum_;
  std::vector<std::vector<CommutatorPiece>> heat_current_pieces_;
};

}  // namespace nessie
