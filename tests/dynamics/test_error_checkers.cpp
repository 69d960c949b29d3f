// The step-size error measures of error_checkers.hpp against the formula they implement, written out on complex
// entries (odeint's default_error_checker on the complex matrix).
#include <nessie/dynamics/error_checkers.hpp>

#include <catch2/catch.hpp>
#include <complex>
#include <random>

using namespace nessie;
using Complex = std::complex<double>;

TEST_CASE("HermitianErrorChecker measures each (Re, Im) pair as one complex entry", "[dynamics]") {
  std::mt19937_64 random(5);
  std::normal_distribution<double> normal;
  boost::numeric::odeint::vector_space_algebra algebra;
  const double atol = 1e-10, rtol = 1e-8, dt = -0.37;
  for (int d : {1, 2, 6, 7, 12, 20}) {  // 0 to 190 pairs: no pair, part of a block, several blocks
    const Eigen::Index size = static_cast<Eigen::Index>(d) * d;
    Eigen::VectorXd x(size), dxdt(size), err(size);
    for (Eigen::Index k = 0; k < size; ++k) {
      x[k] = normal(random);
      dxdt[k] = normal(random);
      err[k] = 1e-9 * normal(random);
    }
    x[size - 1] = 0;  // a vanishing entry somewhere
    // The same coordinates as complex entries: d real diagonal ones, then one per pair.
    double expected = 0;
    auto measure = [&](Complex e, Complex s, Complex v) {
      expected = std::max(expected, std::abs(e) / (atol + rtol * (std::abs(s) + std::abs(dt) * std::abs(v))));
    };
    for (int m = 0; m < d; ++m) measure(err[m], x[m], dxdt[m]);
    for (Eigen::Index k = d; k + 1 < size; k += 2)
      measure({err[k], err[k + 1]}, {x[k], x[k + 1]}, {dxdt[k], dxdt[k + 1]});
    const HermitianErrorChecker checker(atol, rtol, d);
    INFO("d = " << d);
    CHECK(checker.error(algebra, x, dxdt, err, dt) == Approx(expected).epsilon(1e-14));
    // The largest ratio wins wherever it sits: make the last pair (or the diagonal) dominate.
    err[size - 1] = 1.0;
    const double dominant = checker.error(algebra, x, dxdt, err, dt);
    CHECK(dominant > 1e6);
  }
}
