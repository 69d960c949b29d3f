#include <nessie/util/padded_matrix.hpp>

#include <algorithm>

namespace nessie {

namespace {

using Block = Eigen::Matrix<double, 8, 1>;
using ConstBlockMap = Eigen::Map<const Block>;

// Rows [8 first, 8 (first + B)) of y = A x: 2 B accumulators (the columns split into even and odd, two independent
// chains per block of rows to hide the latency of the multiply-adds); only the rows below `rows` are written.
template <int B>
void multiply_blocks(const double* a, Eigen::Index stride, Eigen::Index cols, const double* x, double* y,
                     Eigen::Index first, Eigen::Index rows) {
  Block sums[2 * B];
  for (Block& s : sums) s.setZero();
  const double* column = a + 8 * first;
  Eigen::Index j = 0;
  for (; j + 1 < cols; j += 2, column += 2 * stride) {
    const double even = x[j], odd = x[j + 1];
    for (int b = 0; b < B; ++b) {
      sums[b] += ConstBlockMap(column + 8 * b) * even;
      sums[B + b] += ConstBlockMap(column + stride + 8 * b) * odd;
    }
  }
  if (j < cols)
    for (int b = 0; b < B; ++b) sums[b] += ConstBlockMap(column + 8 * b) * x[j];
  for (int b = 0; b < B; ++b) {
    const Eigen::Index row = 8 * (first + b);
    const Block total = sums[b] + sums[B + b];
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
  // Groups of up to 5 blocks of rows (10 accumulators); a remainder of 5 is taken whole rather than as 4 + 1.
  Eigen::Index first = 0, left = stride / 8;
  while (left > 0) {
    const Eigen::Index b = left <= 5 ? left : 4;
    switch (b) {
      case 1:
        multiply_blocks<1>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
      case 2:
        multiply_blocks<2>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
      case 3:
        multiply_blocks<3>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
      case 4:
        multiply_blocks<4>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
      default:
        multiply_blocks<5>(padded_.data(), stride, cols, x, y, first, rows_);
        break;
    }
    first += b;
    left -= b;
  }
}

}  // namespace nessie
