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
