#pragma once
// Ergotropy: the work a unitary can extract from rho (paper Eq. 14, physics.md "Ergotropy").
#include <Eigen/Dense>

namespace nessie {

// E(rho) = Tr(rho H) - sum_k r_k E_k with r_1 >= r_2 >= ... the eigenvalues of rho and E_1 <= E_2 <= ... the energies.
// `rho_eigenvalues` may come in any order; `energies` are the eigenvalues of H.
double ergotropy(double energy, const Eigen::VectorXd& rho_eigenvalues, const Eigen::VectorXd& energies);

}  // namespace nessie
