#include <nessie/util/padded_matrix.hpp>

#include <algorithm>

namespace nessie {

namespace {

using Block = Eigen::Matrix<double, 8, 1>;
using ConstBlockMap = Eigen::Map<const Block>;

// Rows [8 first, 8 (first + B)) of y = A x: C B accumulators (the columns dealt round-robin to C independent chains
// per block of rows, to hide the latency of the multiply-adds); only the rows below `rows` are written.
template <int B, int C>
void multiply_blocks(const double* a, Eigen::Index stride, Eigen::Index cols, const double* x, double* y,
                     Eigen::Index first, Eigen::Index rows) {
  Block sums[C * B];
  for (Block& s : sums) s.setZero();
  const double* column = a + 8 * first;
  Eigen::Index j = 0;
  for (; j + C <= cols; j += C, column += C * stride)
    for (int chain = 0; chain < C; ++chain) {
      const double factor = x[j + chain];
      for (int b = 0; b < B; ++b) sums[chain * B + b] += ConstBlockMap(column + chain * stride + 8 * b) * factor;
    }
  for (int chain = 0; j < cols; ++j, ++chain, column += stride)
    for (int b = 0; b < B; ++b) sums[chain * B + b] += ConstBlockMap(column + 8 * b) * x[j];
  for (int b = 0; b < B; ++b) {
    const Eigen::Index row = 8 * (first + b);
    Block total = sums[b];
    for (int chain = 1; chain < C; ++chain) total += sums[chain * B + b];
    const Eigen::Index count = std::min<Eigen::Index>(8, rows - row);
    if (count == 8)
      Eigen::Map<Block>(y + row) = total;
    else
      for (Eigen::Index i = 0; i < count; ++i) y[row + i] = total[i];
  }
}

}  // namespace

PaddedMatrix::PaddedMatrix(const Eigen::MatrixXd& a)
    : rows_(a.rows()), padded_(Eigen::MatrixXd::Zero((a.rows() + 7) / 8 * 8, a.cols())) {
  padded_.topRows(a.rows()) = a;
}

void PaddedMatrix::multiply(const double* x, double* y) const {
  const Eigen::Index stride = padded_.rows(), cols = padded_.cols();
  // Up to 3 blocks of rows: four chains each (at most 12 accumulators); more: groups of up to 5 blocks with two
  // chains (10 accumulators), a remainder of 5 taken whole rather than as 4 + 1.
  Eigen::Index first = 0, left = stride / 8;
  switch (left) {
    case 1:
      multiply_blocks<1, 4>(padded_.data(), stride, cols, x, y, 0, rows_);
      return;
    case 2:
      multiply_blocks<2, 4>(padded_.data(), stride, cols, x, y, 0, rows_);
      return;
    case 3:
      multiply_blocks<3, 4>(padded_.data(), stride, cols, x, y, 0, rows_);
      return;
    default:
      break;
  }
  while (left > 0) {
    const Eigen::Index b = left <= 5 ? left : 4;
    switch (b) {
      case 1:
        multiply_blocks<1, 2>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
      case 2:
        multiply_blocks<2, 2>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
      case 3:
        multiply_blocks<3, 2>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
      case 4:
        multiply_blocks<4, 2>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
      default:
        multiply_blocks<5, 2>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
    }
    first += b;
    left -= b;
  }
}

}  // namespace nessie
