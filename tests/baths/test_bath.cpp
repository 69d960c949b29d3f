#include <nessie/baths/bath.hpp>
#include <nessie/errors.hpp>

#include <catch2/catch.hpp>
#include <cmath>

using namespace nessie;

TEST_CASE("bath rates obey detailed balance and G(0) = gamma T", "[baths]") {
  const Bath bath(1, 1.7, 0.02, 8.0);
  for (double e : {1e-3, 0.5, 2.0, 13.0}) {
    CHECK(bath.rate(-e) == Approx(std::exp(-e / 1.7) * bath.rate(e)).epsilon(1e-13));
    // G(e) = J(e) (1 + n(e)) from the definition
    const double n = 1.0 / (std::exp(e / 1.7) - 1.0);
    CHECK(bath.rate(e) == Approx(bath.spectral_density(e) * (1 + n)).epsilon(1e-8));
  }
  CHECK(bath.rate(0.0) == Approx(0.02 * 1.7).epsilon(1e-15));
  CHECK(bath.rate(1e-12) == Approx(0.02 * 1.7).epsilon(1e-11));
  CHECK(bath.spectral_density(-2.0) == -bath.spectral_density(2.0));
}

TEST_CASE("bath rates in pairs equal the single rates", "[baths]") {
  const Bath bath(2, 0.8, 0.03, 6.0);
  for (double e : {-13.0, -7.5, -0.45, -0.3, -1e-9, 0.0, 1e-9, 0.3, 0.45, 2.0, 13.0, 900.0}) {
    const auto [forward, backward] = bath.rates(e);
    CHECK(forward == Approx(bath.rate(e)).epsilon(1e-14));
    CHECK(backward == Approx(bath.rate(-e)).epsilon(1e-14));
  }
}

TEST_CASE("a bath refuses non-physical parameters", "[baths][errors]") {
  CHECK_THROWS_AS(Bath(1, 0.0, 0.01, 10), InputError);
  CHECK_THROWS_AS(Bath(1, -1.0, 0.01, 10), InputError);
  CHECK_THROWS_AS(Bath(1, 1.0, -0.01, 10), InputError);
  CHECK_THROWS_AS(Bath(1, 1.0, 0.01, 0), InputError);
  CHECK_NOTHROW(Bath(1, 1.0, 0.0, 10));
}
