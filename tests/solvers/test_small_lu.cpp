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
