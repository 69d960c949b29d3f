#include <nessie/model/ring_terms.hpp>

#include <stdexcept>
#include <string>

namespace nessie {

std::array<double, 4> bond_coefficients(const Ring& ring, int bond) {
  return {ring.hopping(), ring.interaction(), ring.field(bond) / 2, ring.field(ring.next(bond)) / 2};
}

RingTerms::RingTerms(int sites, std::optional<int> up) : basis_(sites, up) {
  auto next = [sites](int l) { return Ring::next_site(l, sites); };
  auto previous = [sites](int l) { return Ring::previous_site(l, sites); };
  for (int l = 1; l <= sites; ++l) {
    const int m = next(l);
    hopping_.push_back(
        build_operator(basis_, {{1.0, {{Pauli::x, l}, {Pauli::x, m}}}, {1.0, {{Pauli::y, l}, {Pauli::y, m}}}}));
    interaction_.push_back(build_operator(basis_, {{1.0, {{Pauli::up, l}, {Pauli::up, m}}}}));
    spin_current_.push_back(
        build_operator(basis_, {{1.0, {{Pauli::x, l}, {Pauli::y, m}}}, {-1.0, {{Pauli::y, l}, {Pauli::x, m}}}}));
    sz_.push_back(build_operator(basis_, {{1.0, {{Pauli::z, l}}}}));
  }
  hopping_sum_ = hopping_[0];
  interaction_sum_ = interaction_[0];
  for (std::size_t b = 1; b < hopping_.size(); ++b) {
    hopping_sum_ += hopping_[b];
    interaction_sum_ += interaction_[b];
  }
  for (int l = 1; l <= sites; ++l) {
    std::vector<CommutatorPiece> pieces;
    for (int a = 0; a < 4; ++a)
      for (int b = 0; b < 4; ++b) {
        const SparseOperator& left = bond_term(previous(l), a);
        const SparseOperator& right = bond_term(l, b);
        SparseOperator commutator = Complex(0, 1) * SparseOperator(left * right - right * left);
        commutator.prune(Complex(0), 1e-13);
        if (commutator.nonZeros() > 0) pieces.push_back({a, b, std::move(commutator)});
      }
    heat_current_pieces_.push_back(std::move(pieces));
  }
}

std::size_t RingTerms::index(int site) const {
  if (site < 1 || site > sites()) throw std::out_of_range("RingTerms: no site " + std::to_string(site));
  return static_cast<std::size_t>(site - 1);
}

const SparseOperator& RingTerms::bond_term(int bond, int term) const {
  switch (term) {
    case bond_hopping:
      return hopping(bond);
    case bond_interaction:
      return interaction(bond);
    case bond_field_first:
      return sz(bond);
    case bond_field_second:
      return sz(Ring::next_site(bond, sites()));
    default:
      throw std::out_of_range("RingTerms: no bond term " + std::to_string(term));
  }
}

SparseOperator RingTerms::hamiltonian(const Ring& ring) const {
  if (ring.sites() != sites()) throw std::logic_error("RingTerms: the ring has another number of sites");
  SparseOperator h = ring.hopping() * hopping_sum_ + ring.interaction() * interaction_sum_;
  for (int l = 1; l <= sites(); ++l)
    if (ring.field(l) != 0.0) h += ring.field(l) * sz(l);
  return h;
}

}  // namespace nessie
