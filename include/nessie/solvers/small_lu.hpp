#pragma once
// LU factorisation with partial pivoting of a small dense real matrix (LINPACK's dgefa: the row swaps of step k
// act on columns k.. only), stored with its columns padded to a multiple of 8 rows so that every update of the
// trailing matrix runs as whole 8-wide multiply-adds from an aligned row. For the sector blocks of the direct NESS
// at a sweep's points (36 x 36 for the paper's ring), where Eigen's blocked PartialPivLU spends much of its time on
// the bookkeeping of its blocks and tails. `bench_small_lu`, factorisation and two solves against PartialPivLU,
// interleaved: n = 36 5.1 against 8.8 us, n = 64 13.5 against 23.4 us (session 5; the two timings move together
// with the machine's speed, their ratio 1.7 much less).
#include <Eigen/Dense>

#include <vector>

namespace nessie {

// Up to this many unknowns (8 levels) the direct NESS factorises with SmallLu, beyond with Eigen's blocked
// PartialPivLU, which is as fast at 100 and faster from about 200 on (`bench_small_lu`, docs/performance.md).
constexpr Eigen::Index small_lu_max_size = 64;

class SmallLu {
 public:
  // Copies `a` (square) and factorises it. Returns false when a pivot is exactly zero (singular; solve() then gives
  // non-finite values).
  bool factorize(const Eigen::Ref<const Eigen::MatrixXd>& a);

  Eigen::Index size() const { return n_; }
  // Row k was swapped with row pivots()[k] at step k: the first row of largest |entry| in column k from row k on.
  const std::vector<Eigen::Index>& pivots() const { return pivots_; }
  // x = A^{-1} b.
  Eigen::VectorXd solve(const Eigen::VectorXd& b) const;
  // B <- A^{-1} B for several right-hand sides at once (one pass over the factors, the columns' chains interleaved).
  void solve_in_place(Eigen::Ref<Eigen::MatrixXd> b) const;

 private:
  Eigen::Index n_ = 0, stride_ = 0;
  Eigen::MatrixXd lu_;                // stride_ x n_: U on and above the diagonal, the multipliers below
  Eigen::VectorXd multipliers_;       // one column of L, zero above the pivot row (stride_ entries)
  std::vector<Eigen::Index> pivots_;  // row k was swapped with row pivots_[k] at step k
};

}  // namespace nessie
