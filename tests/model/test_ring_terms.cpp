#include <nessie/errors.hpp>
#include <nessie/model/ring_terms.hpp>

#include <Eigen/Dense>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

using namespace nessie;

namespace {

Eigen::MatrixXcd dense(const SparseOperator& op) { return Eigen::MatrixXcd(op); }

// An independent construction from explicit 2 x 2 matrices in the local basis (|u>, |d>): the matrix element of a
// product of one-site operators between product states is the product of the one-site elements.
Eigen::Matrix2cd local(char name) {
  Eigen::Matrix2cd m;
  const Complex i(0, 1);
  switch (name) {
    case 'x':
      m << 0, 1, 1, 0;
      break;
    case 'y':
      m << 0, -i, i, 0;
      break;
    case 'z':
      m << 1, 0, 0, -1;
      break;
    default:
      m << 1, 0, 0, 0;
      break;  // 'u': su, the projector on up
  }
  return m;
}

// sum over terms of coefficient * prod_k local(names[k]) at sites[k], on `basis`.
struct Term {
  Complex coefficient;
  std::string names;
  std::vector<int> sites;
};
Eigen::MatrixXcd reference(const SpinBasis& basis, const std::vector<Term>& terms) {
  const int d = basis.dimension();
  Eigen::MatrixXcd m = Eigen::MatrixXcd::Zero(d, d);
  for (int r = 0; r < d; ++r)
    for (int c = 0; c < d; ++c)
      for (const Term& t : terms) {
        Complex element = t.coefficient;
        for (int l = 1; l <= basis.sites(); ++l) {
          const int out = (basis.state(r) >> (l - 1) & 1) ? 0 : 1, in = (basis.state(c) >> (l - 1) & 1) ? 0 : 1;
          const auto at = std::find(t.sites.begin(), t.sites.end(), l);
          if (at == t.sites.end())
            element *= out == in ? 1.0 : 0.0;
          else
            element *= local(t.names[static_cast<std::size_t>(at - t.sites.begin())])(out, in);
        }
        m(r, c) += element;
      }
  return m;
}

// h_{l,l+1} (paper Eq. 11) from the explicit matrices.
Eigen::MatrixXcd reference_bond(const Ring& ring, const SpinBasis& basis, int l) {
  const int m = ring.next(l);
  return reference(basis, {{ring.hopping(), "xx", {l, m}},
                           {ring.hopping(), "yy", {l, m}},
                           {ring.interaction(), "uu", {l, m}},
                           {ring.field(l) / 2, "z", {l}},
                           {ring.field(m) / 2, "z", {m}}});
}

}  // namespace

TEST_CASE("one particle on a clean ring hops with amplitude 2J: E_k = 4J cos(2 pi k/N)", "[model]") {
  // sx sx + sy sy = 2 (s+ s- + s- s+); with one up spin and no fields, H is the tight-binding ring.
  const int n = 5;
  const double j = 0.7;
  const Ring ring(n, j, 3.0, {});
  const RingTerms terms(n, 1);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> solver(dense(terms.hamiltonian(ring)));
  std::vector<double> expected;
  for (int k = 0; k < n; ++k) expected.push_back(4 * j * std::cos(2 * M_PI * k / n));
  std::sort(expected.begin(), expected.end());
  for (int k = 0; k < n; ++k) CHECK(solver.eigenvalues()(k) == Approx(expected[k]).margin(1e-12));
}

TEST_CASE("the interaction acts on su su and the fields on sz", "[model]") {
  // Diagonal of H on |uudd>: Delta (one up-up bond) + sum_l h_l sz_l.
  const Ring ring(4, 1.0, 2.5, {{2, 2.0}, {3, 1.0}});
  const RingTerms terms(4, 2);
  const Eigen::MatrixXcd h = dense(terms.hamiltonian(ring));
  const int uudd = terms.basis().index_of(0b0011);  // sites 1 and 2 up
  CHECK(h(uudd, uudd).real() == Approx(2.5 + 2.0 * 1 + 1.0 * -1));
  const int udud = terms.basis().index_of(0b0101);  // sites 1 and 3 up: no up-up bond
  CHECK(h(udud, udud).real() == Approx(2.0 * -1 + 1.0 * 1));
}

TEST_CASE("H, bond energies and currents equal their construction from explicit 2 x 2 matrices", "[model]") {
  // Rings of 3 sites (the two bonds of a site share both neighbours) and 5 sites; a sector and the full space.
  for (int n : {3, 5}) {
    const Ring ring(n, 0.9, 1.3, {{1, 0.4}, {n, -1.1}, {2, 0.25}});
    for (std::optional<int> up : {std::optional<int>(2), std::optional<int>()}) {
      const RingTerms terms(n, up);
      const SpinBasis& basis = terms.basis();
      const Eigen::MatrixXcd h = dense(terms.hamiltonian(ring));
      Eigen::MatrixXcd bonds = Eigen::MatrixXcd::Zero(basis.dimension(), basis.dimension());
      for (int l = 1; l <= n; ++l) {
        bonds += reference_bond(ring, basis, l);
        // sum_{a,b} c_a c_b i [A_a, B_b] = i [h_{l-1,l}, h_{l,l+1}]   (paper Eq. 12)
        const std::array<double, 4> left = bond_coefficients(ring, ring.previous(l));
        const std::array<double, 4> right = bond_coefficients(ring, l);
        Eigen::MatrixXcd from_pieces = Eigen::MatrixXcd::Zero(basis.dimension(), basis.dimension());
        for (const RingTerms::CommutatorPiece& p : terms.heat_current_pieces(l))
          from_pieces +=
              left[static_cast<std::size_t>(p.left)] * right[static_cast<std::size_t>(p.right)] * dense(p.op);
        const Eigen::MatrixXcd a = reference_bond(ring, basis, ring.previous(l)), b = reference_bond(ring, basis, l);
        const Eigen::MatrixXcd commutator = Complex(0, 1) * (a * b - b * a);
        CHECK(commutator.norm() > 0.1);
        CHECK((from_pieces - commutator).norm() < 1e-12);
        const Eigen::MatrixXcd spin =
            reference(basis, {{1.0, "xy", {l, ring.next(l)}}, {-1.0, "yx", {l, ring.next(l)}}});
        CHECK((dense(terms.spin_current(l)) - spin).norm() < 1e-13);
      }
      CHECK((bonds - h).norm() < 1e-12);  // the bond energies add up to H
    }
  }
}

TEST_CASE("the spin current operator is J (sx sy - sy sx) = 2iJ (s+ s- - s- s+)", "[model]") {
  // <u d| (sx sy - sy sx) |d u> = 2i on bond (1, 2).
  const RingTerms terms(3, 1);
  const Eigen::MatrixXcd js = dense(terms.spin_current(1));
  const int up1 = terms.basis().index_of(0b001), up2 = terms.basis().index_of(0b010);
  CHECK(std::abs(js(up1, up2) - Complex(0, 2)) < 1e-14);
  CHECK(std::abs(js(up2, up1) - Complex(0, -2)) < 1e-14);
}

TEST_CASE("a ring refuses fields off the ring and too few sites", "[model][errors]") {
  CHECK_THROWS_AS(Ring(4, 1, 1, {{5, 1.0}}), InputError);
  CHECK_THROWS_AS(Ring(4, 1, 1, {{0, 1.0}}), InputError);
  CHECK_THROWS_AS(Ring(2, 1, 1, {}), InputError);
  CHECK_THROWS_AS(Ring(4, NAN, 1, {}), InputError);
}
