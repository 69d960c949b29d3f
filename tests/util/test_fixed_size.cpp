#include <nessie/util/fixed_size.hpp>

#include <catch2/catch.hpp>

using nessie::with_fixed_size;

TEST_CASE("with_fixed_size calls its function with the compile-time dimension, only within its range", "[util]") {
  for (Eigen::Index n = 0; n <= 12; ++n) {
    int seen = -1;
    const bool fixed = with_fixed_size(n, [&](auto size) { seen = decltype(size)::value; });
    CAPTURE(n);
    CHECK(fixed == (n >= nessie::fixed_size_min && n <= nessie::fixed_size_max));
    CHECK(seen == (fixed ? n : -1));
  }
  int seen = -1;
  CHECK(with_fixed_size<1, 1>(1, [&](auto size) { seen = decltype(size)::value; }));
  CHECK(seen == 1);
  CHECK_FALSE(with_fixed_size<1, 1>(2, [&](auto) { seen = 99; }));
  CHECK(seen == 1);
}
