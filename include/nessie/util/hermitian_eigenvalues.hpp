#pragma once
// Eigenvalues of the Hermitian part of a small complex matrix, reusing one solver per thread: the ergotropy, the
// trace distance and the positivity checks ask for them at every sample of a run and at every point of a sweep
// (without the allocations the default d = 6 run is 2 to 3 % faster; a sweep does not change measurably).
#include <Eigen/Dense>

namespace nessie {

// Ascending eigenvalues of (a + a^dagger) / 2. The reference stays valid until the next call on the same thread.
const Eigen::VectorXd& hermitian_eigenvalues(const Eigen::Ref<const Eigen::MatrixXcd>& a);

}  // namespace nessie
