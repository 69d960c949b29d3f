#include <nessie/util/sin_cos.hpp>

#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

using namespace nessie;

TEST_CASE("sin_cos agrees with std::sin and std::cos over the range the interaction frame uses", "[util]") {
  // Random angles of every scale up to the fast range, both signs, and the quadrant boundaries k pi/4 (where the
  // reduction switches polynomial and sign), plus angles beyond the fast range (the fallback).
  std::mt19937_64 random(2026);
  std::uniform_real_distribution<double> exponent(-3.0, 5.0), sign(-1.0, 1.0);
  std::vector<double> x;
  for (int i = 0; i < 4000; ++i) x.push_back(std::copysign(std::pow(10.0, exponent(random)), sign(random)));
  for (int k = -40; k <= 40; ++k)
    for (double nudge : {-1e-12, 0.0, 1e-12}) x.push_back(k * M_PI / 4 + nudge);
  x.push_back(0.0);
  x.push_back(sin_cos_fast_range);
  x.push_back(-sin_cos_fast_range);
  const auto n = static_cast<Eigen::Index>(x.size());
  std::vector<double> s(x.size()), c(x.size());
  sin_cos(x.data(), n, s.data(), c.data());
  double worst = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    // Rounding of x itself moves sin and cos by up to ulp(x) ~ 2.2e-16 |x|; allow that plus a few ulp of the result.
    const double allowance = 4.5e-16 + 2.3e-16 * std::abs(x[i]);
    worst = std::max(worst, std::abs(s[i] - std::sin(x[i])) / allowance);
    worst = std::max(worst, std::abs(c[i] - std::cos(x[i])) / allowance);
    INFO("x = " << x[i]);
    REQUIRE(std::abs(s[i] - std::sin(x[i])) <= allowance);
    REQUIRE(std::abs(c[i] - std::cos(x[i])) <= allowance);
  }
  CHECK(worst > 0);  // the comparison saw real differences somewhere (not two calls of the same function)
  // A batch holding one angle beyond the fast range is computed with std::sin/std::cos throughout.
  const double mixed[3] = {0.5, 2e5, -3.7e7};
  double ms[3], mc[3];
  sin_cos(mixed, 3, ms, mc);
  for (int i = 0; i < 3; ++i) {
    CHECK(ms[i] == std::sin(mixed[i]));
    CHECK(mc[i] == std::cos(mixed[i]));
  }
}
