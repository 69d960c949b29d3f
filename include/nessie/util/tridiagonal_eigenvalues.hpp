#pragma once
// Eigenvalues of a real symmetric tridiagonal matrix, without eigenvectors: the implicit QL method with Wilkinson
// shifts in its root-free form (Pal, Walker and Kahan; LAPACK dsterf), which carries the squares of the sub-diagonal
// so that a rotation takes no square root, and 2 x 2 blocks solved directly (LAPACK dlae2). On the density matrices
// of a run it takes about a third less time than Eigen's SelfAdjointEigenSolver::computeFromTridiagonal (QR steps
// with a hypot per rotation and a scan of the whole sub-diagonal per iteration): hermitian_eigenvalues with it, 1.79
// against 2.39 us for the 6 x 6 states of the paper's run (docs/performance.md, session 7); the root-free sweep
// another tenth of the QL part (session 8); one division per rotation on the critical path instead of two, and
// dsterf's choice of the end to start from, 1.02 -> 0.64 us for the QL part (session 9).
#include <Eigen/Dense>

namespace nessie {

// diagonal: the n diagonal entries, replaced by the eigenvalues in ascending order. off_diagonal: n entries, the first
// n - 1 the sub-diagonal, overwritten. Entries of order one are expected (scale first): the rotations square them.
// Returns false if an eigenvalue has not converged after 30 iterations (the contents are then unspecified).
bool tridiagonal_eigenvalues(Eigen::Ref<Eigen::VectorXd> diagonal, Eigen::Ref<Eigen::VectorXd> off_diagonal);

}  // namespace nessie
