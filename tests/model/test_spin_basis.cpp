#include <nessie/errors.hpp>
#include <nessie/model/spin_basis.hpp>

#include <catch2/catch.hpp>

using namespace nessie;

TEST_CASE("sector dimensions are binomial coefficients", "[model]") {
  for (int n = 3; n <= 10; ++n)
    for (int k = 0; k <= n; ++k) CHECK(SpinBasis(n, k).dimension() == static_cast<int>(binomial(n, k)));
  CHECK(SpinBasis(12, 6).dimension() == 924);
  CHECK(SpinBasis(6, std::nullopt).dimension() == 64);
}

TEST_CASE("basis states and indices round-trip, sectors in order", "[model]") {
  const SpinBasis full(5, std::nullopt);
  int previous_up = 0;
  for (int i = 0; i < full.dimension(); ++i) {
    CHECK(full.index_of(full.state(i)) == i);
    CHECK(full.up_count(i) >= previous_up);
    previous_up = full.up_count(i);
  }
  const SpinBasis sector(5, 2);
  for (int i = 0; i < sector.dimension(); ++i) CHECK(sector.up_count(i) == 2);
  CHECK(sector.index_of(0b00111) == -1);
  CHECK(sector.sectors() == std::vector<int>{2});
  CHECK(full.sectors().size() == 6);
}

TEST_CASE("a basis refuses impossible sizes and sectors", "[model][errors]") {
  CHECK_THROWS_AS(SpinBasis(2, 1), InputError);
  CHECK_THROWS_AS(SpinBasis(4, 5), InputError);
  CHECK_THROWS_AS(SpinBasis(4, -1), InputError);
  CHECK_THROWS_AS(SpinBasis(SpinBasis::max_sites + 1, 1), InputError);
}
