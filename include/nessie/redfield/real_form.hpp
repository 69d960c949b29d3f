#pragma once
// The real form of a Hermitian matrix: Y = Re rho + Im rho, a real n x n matrix whose symmetric part is Re rho and
// whose antisymmetric part is Im rho, so its n^2 entries determine rho; Tr Y = Tr rho and ||Y||_F = ||rho||_F.
// In the eigenbasis the Redfield dissipator has real matrices and maps symmetric to symmetric and antisymmetric to
// antisymmetric matrices (D[X]^T = D[X^T]), so Y(D[rho]) = D[Y]: on vec(Y) it is its own real Kronecker form, with
// contiguous columns (liouvillian.hpp), and -i [H, rho]_mk = -i (E_m - E_k) rho_mk becomes dY_mk = -(E_m - E_k) Y_km.
#include <Eigen/Dense>

namespace nessie {

// Y = Re rho + Im rho for Hermitian rho (only the Hermitian part of rho is represented).
Eigen::MatrixXd real_form(const Eigen::Ref<const Eigen::MatrixXcd>& rho);
// rho = (Y + Y^T) / 2 + i (Y - Y^T) / 2: Hermitian by construction.
Eigen::MatrixXcd from_real_form(const Eigen::Ref<const Eigen::MatrixXd>& y);

}  // namespace nessie
