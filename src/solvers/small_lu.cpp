#include <nessie/solvers/small_lu.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace nessie {

namespace {
using Block = Eigen::Matrix<double, 8, 1>;
// column[i] -= l[i] * column[k] in `columns` consecutive columns, rows [start, start + 8 B), with the B blocks of l
// loaded once into registers: 9.7 -> 6.2 thousand cycles for the factorisation at n = 36 (a sweep's block), where
// each column's loop over its few blocks cost as much in reloads of l and loop overhead as in multiply-adds.
template <int B>
void update_columns(double* column, Eigen::Index stride, Eigen::Index columns, Eigen::Index k, Eigen::Index start,
                    const double* l) {
  Block lb[B];
  for (int b = 0; b < B; ++b) lb[b] = Eigen::Map<const Block>(l + start + 8 * b);
  for (Eigen::Index j = 0; j < columns; ++j, column += stride) {
    const double factor = column[k];
    for (int b = 0; b < B; ++b) {
      Eigen::Map<Block> part(column + start + 8 * b);
      part -= lb[b] * factor;
    }
  }
}

// The kernels by number of blocks (1 to 8: up to 64 rows, the sizes SmallLu is used for).
using ColumnUpdateKernel = void (*)(double*, Eigen::Index, Eigen::Index, Eigen::Index, Eigen::Index, const double*);
constexpr Eigen::Index max_kernel_blocks = 8;
constexpr ColumnUpdateKernel column_update_kernels[max_kernel_blocks + 1] = {
    nullptr,           update_columns<1>, update_columns<2>, update_columns<3>, update_columns<4>,
    update_columns<5>, update_columns<6>, update_columns<7>, update_columns<8>};
}  // namespace

bool SmallLu::factorize(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  n_ = a.rows();
  stride_ = (n_ + 7) / 8 * 8;
  if (lu_.rows() != stride_ || lu_.cols() != n_) lu_.setZero(stride_, n_);
  lu_.topRows(n_) = a;
  multipliers_.resize(stride_);
  pivots_.resize(static_cast<std::size_t>(n_));
  double* const data = lu_.data();
  double* const l = multipliers_.data();
  bool regular = true;
  for (Eigen::Index k = 0; k < n_; ++k) {
    double* const pivot_column = data + k * stride_;
    // The first row of largest |entry| from row k on, found in two passes: the largest value over whole 8-row
    // blocks in 8 independent lanes (rows above k and the zero padding count as 0), then its first row. A single
    // running (value, row) pair would be a chain of dependent compares, a third of the factorisation at n = 36.
    const Eigen::Index start = k / 8 * 8;
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (Eigen::Index i = start; i < stride_; i += 8)
      for (int lane = 0; lane < 8; ++lane) {
        const double v = i + lane >= k ? std::abs(pivot_column[i + lane]) : 0.0;
        lanes[lane] = v > lanes[lane] ? v : lanes[lane];
      }
    // (a tree of maxima: a chain of eight would lie on the critical path of every step)
    double halves[4], quarters[2];
    for (int lane = 0; lane < 4; ++lane) halves[lane] = std::max(lanes[lane], lanes[lane + 4]);
    for (int lane = 0; lane < 2; ++lane) quarters[lane] = std::max(halves[lane], halves[lane + 2]);
    const double largest = std::max(quarters[0], quarters[1]);
    Eigen::Index p = k;
    for (Eigen::Index i = k; i < n_; ++i)
      if (std::abs(pivot_column[i]) == largest) {
        p = i;
        break;
      }
    pivots_[static_cast<std::size_t>(k)] = p;
    // Rows k and p swap in columns k.. only; the multipliers of the earlier columns keep their rows, and solve()
    // swaps the right-hand side between the eliminations in the same order (LINPACK's dgefa/dgesl).
    if (p != k)
      for (Eigen::Index j = k; j < n_; ++j) std::swap(data[j * stride_ + k], data[j * stride_ + p]);
    if (pivot_column[k] == 0.0) {
      regular = false;
      continue;
    }
    // Column k of L, and a copy zero from the aligned block that holds row k + 1 down to row k: updating whole
    // blocks from there leaves the rows above k + 1 unchanged (they are multiplied by zero).
    const double inverse = 1.0 / pivot_column[k];
    const Eigen::Index update_start = (k + 1) / 8 * 8;
    for (Eigen::Index i = update_start; i < stride_; ++i) {
      l[i] = i > k ? pivot_column[i] * inverse : 0.0;
      if (i > k) pivot_column[i] = l[i];
    }
    if (k + 1 == n_) break;  // no columns left (and possibly no whole block below the last row)
    const Eigen::Index blocks = (stride_ - update_start) / 8;
    if (blocks <= max_kernel_blocks) {
      column_update_kernels[blocks](data + (k + 1) * stride_, stride_, n_ - k - 1, k, update_start, l);
    } else {  // more than 64 rows
      for (Eigen::Index j = k + 1; j < n_; ++j) {
        double* const column = data + j * stride_;
        const double factor = column[k];
        for (Eigen::Index i = update_start; i < stride_; ++i) column[i] -= l[i] * factor;
      }
    }
  }
  return regular;
}

Eigen::VectorXd SmallLu::solve(const Eigen::VectorXd& b) const {
  Eigen::VectorXd x = b;
  solve_in_place(x);
  return x;
}

void SmallLu::solve_in_place(Eigen::Ref<Eigen::MatrixXd> b) const {
  const double* const data = lu_.data();
  const Eigen::Index columns = b.cols();
  for (Eigen::Index j = 0; j < n_; ++j) {  // the row swaps and eliminations of factorize() in its order
    const Eigen::Index p = pivots_[static_cast<std::size_t>(j)];
    const double* const column = data + j * stride_;
    for (Eigen::Index c = 0; c < columns; ++c) {
      double* const y = b.col(c).data();
      std::swap(y[j], y[p]);
      const double f = y[j];
      for (Eigen::Index i = j + 1; i < n_; ++i) y[i] -= column[i] * f;
    }
  }
  for (Eigen::Index j = n_ - 1; j >= 0; --j) {  // U x = y
    const double* const column = data + j * stride_;
    for (Eigen::Index c = 0; c < columns; ++c) {
      double* const y = b.col(c).data();
      y[j] /= column[j];
      const double f = y[j];
      for (Eigen::Index i = 0; i < j; ++i) y[i] -= column[i] * f;
    }
  }
}

}  // namespace nessie
