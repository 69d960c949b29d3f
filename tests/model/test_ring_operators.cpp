#include <nessie/errors.hpp>
#include <nessie/model/ring_operators.hpp>

#include <Eigen/Dense>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

using namespace nessie;

namespace {
Eigen::MatrixXcd dense(const SparseOperator& op) { return Eigen::MatrixXcd(op); }
}  // namespace

TEST_CASE("one particle on a clean ring hops with amplitude 2J: E_k = 4J cos(2 pi k/N)", "[model]") {
  // sx sx + sy sy = 2 (s+ s- + s- s+); with one up spin and no fields, H is the tight-binding ring.
  const int n = 5;
  const double j = 0.7;
  const Ring ring(n, j, 3.0, {});
  const SpinBasis basis(n, 1);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> solver(dense(ring_hamiltonian(ring, basis)));
  std::vector<double> expected;
  for (int k = 0; k < n; ++k) expected.push_back(4 * j * std::cos(2 * M_PI * k / n));
  std::sort(expected.begin(), expected.end());
  for (int k = 0; k < n; ++k) CHECK(solver.eigenvalues()(k) == Approx(expected[k]).margin(1e-12));
}

TEST_CASE("the interaction acts on su su and the fields on sz", "[model]") {
  // Diagonal of H on |uudd>: Delta (one up-up bond) + sum_l h_l sz_l.
  const Ring ring(4, 1.0, 2.5, {{2, 2.0}, {3, 1.0}});
  const SpinBasis basis(4, 2);
  const Eigen::MatrixXcd h = dense(ring_hamiltonian(ring, basis));
  const int uudd = basis.index_of(0b0011);  // sites 1 and 2 up
  CHECK(h(uudd, uudd).real() == Approx(2.5 + 2.0 * 1 + 1.0 * -1));
  const int udud = basis.index_of(0b0101);  // sites 1 and 3 up: no up-up bond
  CHECK(h(udud, udud).real() == Approx(2.0 * -1 + 1.0 * 1));
}

TEST_CASE("bond energies add up to H and the current operators are Hermitian", "[model]") {
  const Ring ring(5, 0.9, 1.3, {{1, 0.4}, {4, -1.1}});
  for (std::optional<int> up : {std::optional<int>(2), std::optional<int>()}) {
    const SpinBasis basis(5, up);
    Eigen::MatrixXcd sum = Eigen::MatrixXcd::Zero(basis.dimension(), basis.dimension());
    for (int l = 1; l <= 5; ++l) {
      sum += dense(bond_energy(ring, basis, l));
      const Eigen::MatrixXcd jh = dense(local_heat_current(ring, basis, l));
      const Eigen::MatrixXcd js = dense(spin_current(ring, basis, l));
      CHECK((jh - jh.adjoint()).norm() < 1e-13);
      CHECK((js - js.adjoint()).norm() < 1e-13);
    }
    CHECK((sum - dense(ring_hamiltonian(ring, basis))).norm() < 1e-12);
  }
}

TEST_CASE("the spin current operator is J (sx sy - sy sx) = 2iJ (s+ s- - s- s+)", "[model]") {
  // On two sites: |ud> -> coefficient of <du| is 2i J... checked on the ring's matrix elements.
  const Ring ring(3, 1.5, 0.0, {});
  const SpinBasis basis(3, 1);
  const Eigen::MatrixXcd js = dense(spin_current(ring, basis, 1));  // bond (1, 2)
  const int up1 = basis.index_of(0b001), up2 = basis.index_of(0b010);
  // s+_1 s-_2 |d u> = |u d>: <u d| js |d u> = 2i J.
  CHECK(std::abs(js(up1, up2) - Complex(0, 2 * 1.5)) < 1e-14);
  CHECK(std::abs(js(up2, up1) - Complex(0, -2 * 1.5)) < 1e-14);
}

TEST_CASE("a ring refuses fields off the ring and too few sites", "[model][errors]") {
  CHECK_THROWS_AS(Ring(4, 1, 1, {{5, 1.0}}), InputError);
  CHECK_THROWS_AS(Ring(4, 1, 1, {{0, 1.0}}), InputError);
  CHECK_THROWS_AS(Ring(2, 1, 1, {}), InputError);
  CHECK_THROWS_AS(Ring(4, NAN, 1, {}), InputError);
}
