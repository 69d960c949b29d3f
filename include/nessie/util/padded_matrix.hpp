#pragma once
// A small dense real matrix with its rows padded to a multiple of 8, for a fast matrix-vector product: the columns
// are whole 64-byte blocks, so y = A x runs as full 8-wide multiply-adds into accumulators held in registers, with
// no tails and no stores until the end. For the dense right-hand side of the time evolution (a d^2 x d^2 real
// matrix, d <= 12), where Eigen's general product spent most of its time on tails and stores at these sizes
// (36 x 36: 103 against 62 ns, docs/performance.md).
#include <Eigen/Dense>

namespace nessie {

class PaddedMatrix {
 public:
  PaddedMatrix() = default;
  explicit PaddedMatrix(const Eigen::MatrixXd& a);

  Eigen::Index rows() const { return rows_; }
  Eigen::Index cols() const { return padded_.cols(); }
  Eigen::Block<const Eigen::MatrixXd> matrix() const { return padded_.topRows(rows_); }  // A itself

  // y = A x (x has cols() entries, y rows()); y must not alias x.
  void multiply(const double* x, double* y) const;

 private:
  Eigen::Index rows_ = 0;
  Eigen::MatrixXd padded_;  // rows_ rounded up to a multiple of 8; the extra rows are zero
};

}  // namespace nessie
