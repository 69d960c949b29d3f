#pragma once
// The Redfield generator assembled as a dense matrix on vec(rho) (column stacking), for small dimensions.
#include <nessie/redfield/generator.hpp>

#include <Eigen/Dense>
#include <vector>

namespace nessie {

// The generator restricted to rho_mn with m, n in `levels` (eigenbasis indices), as a dense n^2 x n^2 matrix acting on
// column-stacked vec(rho): entry (m + n*size) of vec is rho(levels[m], levels[n]). With all levels this is the full
// Liouvillian, built term by term from the Kronecker form
//   L = -i (I x E - E x I) + sum_b (S_b x St_b + St_b x S_b - I x M_b - M_b x I)   (vec(A X B) = (B^T x A) vec X),
// independently of the matrix-free RedfieldGenerator::apply.
Eigen::MatrixXcd assemble_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels);
Eigen::MatrixXcd assemble_liouvillian(const RedfieldGenerator& generator);
// The block of rho_mn with m in `rows` and n in `columns`; the generator maps it onto itself when both sets are
// unions of sectors (S_b and H conserve the number of up spins). Vec index: m + n * rows.size().
Eigen::MatrixXcd assemble_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& rows,
                                      const std::vector<int>& columns);

// The same block for `levels` that are a union of sectors, as the real n^2 x n^2 matrix acting on the
// HermitianCoordinates(n) of the block (the generator maps Hermitian matrices to Hermitian ones), assembled directly
// from the Kronecker form: its dissipator is real and maps symmetric to symmetric and antisymmetric to antisymmetric
// matrices, so only the coherent part -i (E_p - E_q) couples Re rho_pq and Im rho_pq. For the dense NESS and gap.
Eigen::MatrixXd assemble_hermitian_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels);
// The same into `a` (resized; its storage is reused when the size does not change).
void assemble_hermitian_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels,
                                    Eigen::MatrixXd& a);

// The largest number of levels for which nessie assembles a dense Liouvillian (memory ~ 16 n^4 bytes).
constexpr int max_dense_levels = 80;

}  // namespace nessie
