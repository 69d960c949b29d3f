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

// The same block for `levels` that are a union of sectors, as the real n^2 x n^2 matrix acting on vec(Y) (column
// stacking) for the real form Y = Re rho + Im rho of the Hermitian block (real_form.hpp): the dissipator's own real
// Kronecker form (its matrices are real in the eigenbasis) plus the coherent part dY_mk = -(E_m - E_k) Y_km. Each
// column is a sum of outer products of columns of S_b and St_b. For the dense NESS and the spectral gap.
// With RealFormUnknowns::transposed the columns are permuted to act on vec(Y^T) (the result is still vec(dY)): the
// coherent part, the largest entries of most columns, then lies on the diagonal, where partial pivoting finds it
// without row swaps (the steady-state solve; a different operator, not for eigenvalues).
enum class RealFormUnknowns { y, transposed };
Eigen::MatrixXd assemble_real_form_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels,
                                               RealFormUnknowns unknowns = RealFormUnknowns::y);
// The same into `a` (resized; its storage is reused when the size does not change).
void assemble_real_form_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels,
                                    Eigen::MatrixXd& a, RealFormUnknowns unknowns = RealFormUnknowns::y);

// The largest number of levels for which nessie assembles a dense Liouvillian (memory ~ 16 n^4 bytes).
constexpr int max_dense_levels = 80;

}  // namespace nessie
