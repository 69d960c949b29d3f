#include <nessie/solvers/small_lu.hpp>

#include <catch2/catch.hpp>

using nessie::SmallLu;

TEST_CASE("SmallLu solves like Eigen's PartialPivLU", "[solvers]") {
  for (int n : {1, 2, 5, 7, 8, 9, 16, 17, 36, 41, 64, 100}) {
    CAPTURE(n);
    const Eigen::MatrixXd a = Eigen::MatrixXd::Random(n, n) + 0.1 * Eigen::MatrixXd::Identity(n, n);
    const Eigen::VectorXd b = Eigen::VectorXd::Random(n);
    SmallLu lu;
    REQUIRE(lu.factorize(a));
    REQUIRE(lu.size() == n);
    const Eigen::VectorXd x = lu.solve(b);
    const Eigen::VectorXd expected = a.partialPivLu().solve(b);
    // Both are backward stable: the residuals are at rounding level, the solutions agree to the condition number.
    CHECK((a * x - b).norm() <= 1e-13 * a.norm() * x.norm());
    CHECK((x - expected).norm() <= 1e-13 / a.partialPivLu().rcond() * expected.norm());
    // Several right-hand sides in one pass: the same arithmetic per column as one at a time.
    Eigen::MatrixXd both(n, 2);
    both << b, 2.0 * b + Eigen::VectorXd::Ones(n);
    const Eigen::VectorXd second = lu.solve(both.col(1));
    lu.solve_in_place(both);
    CHECK(both.col(0) == x);
    CHECK(both.col(1) == second);
    // A second factorisation reuses the storage.
    const Eigen::MatrixXd a2 = a.transpose();
    REQUIRE(lu.factorize(a2));
    CHECK((a2 * lu.solve(b) - b).norm() <= 1e-13 * a2.norm() * b.norm() / a2.partialPivLu().rcond());
  }
}

TEST_CASE("SmallLu needs its pivoting and reports exact singularity", "[solvers]") {
  // A permutation matrix: every diagonal entry is zero, so without row swaps the first pivot would be 0.
  const int n = 11;
  Eigen::MatrixXd p = Eigen::MatrixXd::Zero(n, n);
  for (int i = 0; i < n; ++i) p(i, (i * 4 + 3) % n) = 1.0 + i;
  const Eigen::VectorXd b = Eigen::VectorXd::LinSpaced(n, 1.0, 2.0);
  SmallLu lu;
  REQUIRE(lu.factorize(p));
  CHECK((p * lu.solve(b) - b).norm() <= 1e-15 * b.norm());
  // Pivots far below 1 relative to their column: the multipliers stay bounded by 1.
  Eigen::MatrixXd graded = Eigen::MatrixXd::Random(n, n);
  graded.diagonal() *= 1e-14;
  REQUIRE(lu.factorize(graded));
  CHECK((graded * lu.solve(b) - b).norm() <= 1e-12 * graded.norm() * lu.solve(b).norm());
  // A zero column: no non-zero pivot in it.
  Eigen::MatrixXd singular = Eigen::MatrixXd::Random(n, n);
  singular.col(4).setZero();
  CHECK_FALSE(lu.factorize(singular));
}

TEST_CASE("SmallLu pivots on the first row of largest magnitude, as textbook partial pivoting does", "[solvers]") {
  // A = [[I_k, C], [0, B]]: the first k steps pivot on the identity and leave B exactly as it is (their multipliers
  // are 0), so step k chooses among B's first column, exactly as written; C, above the pivot row, is larger and
  // must be ignored. B's first column holds its largest magnitude several times (both signs), in different 8-row
  // blocks; the first of them must win.
  const int n = 24;
  SmallLu lu;
  for (int k : {0, 3, 8, 13}) {
    for (int first_tie : {0, 2, 7, 9}) {
      const int m = n - k;
      if (first_tie + 9 >= m) continue;
      CAPTURE(k, first_tie);
      Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n, n);
      a.topLeftCorner(k, k).setIdentity();
      a.topRightCorner(k, m).setConstant(100.0);
      Eigen::MatrixXd b = Eigen::MatrixXd::Identity(m, m);
      for (int i = 0; i < m; ++i) b(i, 0) = 1.0 + (i % 3);  // entries 1..3
      b(first_tie, 0) = -5.0;
      b(first_tie + 9, 0) = 5.0;  // a tie one block further down
      b(m - 1, 0) = -5.0;         // and in the last row, next to the padding
      b(0, 1) = 1.0;              // keep B regular whichever row comes first
      a.bottomRightCorner(m, m) = b;
      REQUIRE(lu.factorize(a));
      for (int j = 0; j < k; ++j) CHECK(lu.pivots()[static_cast<std::size_t>(j)] == j);
      CHECK(lu.pivots()[static_cast<std::size_t>(k)] == k + first_tie);
    }
  }
}
