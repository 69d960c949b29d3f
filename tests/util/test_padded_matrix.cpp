#include <nessie/util/padded_matrix.hpp>

#include <catch2/catch.hpp>

#include <vector>

using nessie::PaddedMatrix;

TEST_CASE("PaddedMatrix multiplies like Eigen and writes only its rows", "[util]") {
  // Sizes around the blocks of 8 rows and the groups of 4 and 5 blocks, square and not.
  const std::vector<std::pair<int, int>> shapes = {{1, 1},   {3, 5},     {7, 7},     {8, 8},   {9, 4},  {16, 16},
                                                   {17, 2},  {33, 33},   {36, 36},   {40, 40}, {41, 7}, {64, 64},
                                                   {72, 80}, {100, 100}, {144, 144}, {145, 3}};
  for (const auto& [rows, cols] : shapes) {
    CAPTURE(rows, cols);
    Eigen::MatrixXd a = Eigen::MatrixXd::Random(rows, cols);
    const Eigen::VectorXd x = Eigen::VectorXd::Random(cols);
    const Eigen::VectorXd expected = a * x;
    const PaddedMatrix padded(a);
    REQUIRE(padded.rows() == rows);
    REQUIRE(padded.cols() == cols);
    // y followed by guard values that must stay untouched
    const double guard = 12345.0;
    std::vector<double> y(static_cast<std::size_t>(rows) + 16, guard);
    padded.multiply(x.data(), y.data());
    for (int i = 0; i < rows; ++i)
      CHECK(y[static_cast<std::size_t>(i)] ==
            Approx(expected(i)).margin(1e-14 * (a.row(i).cwiseAbs() * x.cwiseAbs()).value()));
    for (std::size_t i = static_cast<std::size_t>(rows); i < y.size(); ++i) CHECK(y[i] == guard);
  }
}
