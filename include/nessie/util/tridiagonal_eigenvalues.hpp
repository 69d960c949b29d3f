#pragma once
// Eigenvalues of a real symmetric tridiagonal matrix, without eigenvectors: the implicit QL method with Wilkinson
// shifts (Numerical Recipes, 2nd ed., section 11.3 "tqli"; EISPACK tql1). On the density matrices of a run it takes
// about a third less time than Eigen's SelfAdjointEigenSolver::computeFromTridiagonal (QR steps with a hypot per
// rotation and a scan of the whole sub-diagonal per iteration): hermitian_eigenvalues with it, 1.79 against 2.39 us
// for the 6 x 6 states of the paper's run (docs/performance.md, session 7).
#include <Eigen/Dense>

namespace nessie {

// diagonal: the n diagonal entries, replaced by the eigenvalues in ascending order. off_diagonal: n entries, the first
// n - 1 the sub-diagonal, overwritten. Entries of order one are expected (scale first): the rotations square them.
// Returns false if an eigenvalue has not converged after 30 iterations (the contents are then unspecified).
bool tridiagonal_eigenvalues(Eigen::Ref<Eigen::VectorXd> diagonal, Eigen::Ref<Eigen::VectorXd> off_diagonal);

}  // namespace nessie
