#include <nessie/dynamics/positivity_monitor.hpp>
#include <nessie/dynamics/relaxation_fit.hpp>

#include <catch2/catch.hpp>
#include <cmath>

using namespace nessie;

TEST_CASE("the relaxation fit recovers the rate of a noisy exponential tail", "[dynamics]") {
  std::vector<double> t, d;
  for (int k = 0; k <= 400; ++k) {
    t.push_back(k);
    // fast transient, then rate 0.05, then a noise floor of 1e-9
    d.push_back(0.5 * std::exp(-2.0 * k) + 0.1 * std::exp(-0.05 * k) + 1e-9);
  }
  const auto fit = fit_relaxation_rate(t, d);
  REQUIRE(fit);
  CHECK(fit->rate == Approx(0.05).epsilon(0.01));
  CHECK(fit->points >= 3);
  CHECK_FALSE(fit_relaxation_rate({0, 1}, {1, 0.5}));
}

TEST_CASE("the positivity monitor reports the first violation, the minimum and the duration", "[dynamics]") {
  PositivityMonitor none;
  for (int k = 0; k < 5; ++k) none.observe(k, 1e-3);
  CHECK_FALSE(none.violated());
  CHECK(none.violation_duration() == 0);

  PositivityMonitor m;
  const double values[] = {0.0, -1e-5, -3e-5, -1e-6, 1e-4, -2e-13, 1e-4};
  for (int k = 0; k < 7; ++k) m.observe(0.5 * k, values[k]);
  REQUIRE(m.violated());
  CHECK(*m.first_violation() == 0.5);
  CHECK(m.most_negative() == -3e-5);
  CHECK(m.most_negative_time() == 1.0);
  CHECK(m.violation_duration() == Approx(1.5));  // intervals ending at 0.5, 1.0, 1.5
}

TEST_CASE("the positivity monitor's Cholesky shortcut keeps the violation record of the eigenvalue route",
          "[dynamics]") {
  // A state drifting through positive and non-positive phases: rho(k) = U diag(l(k)) U^dagger with l_min(k) below
  // and above zero, the threshold and earlier minima.
  const int d = 5;
  const Eigen::MatrixXcd u = Eigen::HouseholderQR<Eigen::MatrixXcd>(Eigen::MatrixXcd::Random(d, d)).householderQ();
  const double mins[] = {0.0,    1e-3,   -1e-13, -5e-12, -2e-6, -1e-6, 1e-2, -3e-6, -3e-6 + 1e-9,
                         -0.99e-12, -8e-13, 2e-3, -4e-6, 1e-9, 0.1, 0.05, -1e-3, 0.2};  // (not at the threshold itself, where rounding decides)
  PositivityMonitor exact, shortcut;
  double t = 0;
  for (double m : mins) {
    Eigen::VectorXd l(d);
    l << m, 0.1, 0.2, 0.3, 0.4 - m;
    const Eigen::MatrixXcd rho = u * l.cast<std::complex<double>>().asDiagonal() * u.adjoint();
    const Eigen::MatrixXcd hermitian = (rho + rho.adjoint()) / 2.0;
    exact.observe(t, Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd>(hermitian).eigenvalues().minCoeff());
    shortcut.observe_state(t, rho);
    t += 0.25;
  }
  REQUIRE(shortcut.violated() == exact.violated());
  CHECK(*shortcut.first_violation() == *exact.first_violation());
  CHECK(shortcut.most_negative() == Approx(exact.most_negative()).margin(1e-15));
  CHECK(shortcut.most_negative_time() == exact.most_negative_time());
  CHECK(shortcut.violation_duration() == Approx(exact.violation_duration()));
  CHECK(shortcut.most_negative() == Approx(-1e-3).margin(1e-15));
  // The shortcut computed eigenvalues only on the first call and for the new minima below the threshold:
  // 0 (first), -5e-12, -2e-6, -3e-6, -4e-6, -1e-3.
  CHECK(shortcut.eigenvalue_evaluations() == 6);

  // A positive eigenvalue that keeps falling is not followed between exact samples (only violations are).
  PositivityMonitor falling;
  falling.observe(0.0, 0.05);  // an exact sample
  for (int k = 1; k <= 5; ++k) {
    Eigen::VectorXd l(d);
    l << 0.05 / (k + 1), 0.1, 0.2, 0.3, 0.35 + 0.05 - 0.05 / (k + 1);
    falling.observe_state(k, u * l.cast<std::complex<double>>().asDiagonal() * u.adjoint());
  }
  CHECK_FALSE(falling.violated());
  CHECK(falling.most_negative() == 0.05);
  CHECK(falling.eigenvalue_evaluations() == 0);
}

TEST_CASE(
    "eigenvalues_above decides lambda_min > shift on either side of the smallest eigenvalue, upper triangle unread",
    "[dynamics]") {
  std::srand(11);
  Eigen::MatrixXcd scratch;
  for (int n : {1, 2, 3, 6, 12, 17, 40}) {
    const Eigen::MatrixXcd u = Eigen::HouseholderQR<Eigen::MatrixXcd>(Eigen::MatrixXcd::Random(n, n)).householderQ();
    for (double smallest : {-0.3, -1e-9, 0.0, 2e-7, 0.05}) {
      Eigen::VectorXd l = Eigen::VectorXd::LinSpaced(n, smallest, smallest + 1.0);
      l(0) = smallest;  // (LinSpaced of size 1 gives the upper end)
      Eigen::MatrixXcd rho = u * l.cast<std::complex<double>>().asDiagonal() * u.adjoint();
      rho.triangularView<Eigen::StrictlyUpper>().setConstant(std::complex<double>(7.0, -3.0));  // must not be read
      INFO("n = " << n << ", smallest eigenvalue " << smallest);
      CHECK(eigenvalues_above(rho, smallest - 1e-10, scratch));
      CHECK_FALSE(eigenvalues_above(rho, smallest + 1e-10, scratch));
      CHECK_FALSE(eigenvalues_above(rho, smallest + 0.5, scratch));
    }
  }
}
