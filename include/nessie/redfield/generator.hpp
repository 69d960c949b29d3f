#pragma once
// The Markovian Redfield generator of physics.md (non-secular, Lamb shift dropped), acting on density matrices
// written in the energy eigenbasis of H.
#include <nessie/baths/bath.hpp>
#include <nessie/redfield/closed_system.hpp>
#include <nessie/redfield/eigenbasis.hpp>

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <mutex>
#include <utility>
#include <vector>

namespace nessie {

// d rho/dt = -i [H, rho] + sum_b D_b[rho],  D_b[rho] = [St_b rho, S_b] + [S_b, rho St_b^dagger],
// <m|St_b|n> = <m|S_b|n> G_b(E_n - E_m)   (physics.md; paper Eqs. 4-10).
// In the eigenbasis S_b and St_b are real, so with M_b = S_b St_b:
//   D_b[rho] = St_b rho S_b - M_b rho + S_b rho St_b^T - rho M_b^T.
class RedfieldGenerator {
 public:
  // A ring's generator: S_b = sz at the site of each bath, shared with `closed` (ClosedSystem::sz_in_eigenbasis),
  // whose eigenbasis, H and operators are referenced, not copied: it must outlive the generator (OpenSystem keeps
  // it). Sites must be on the ring (std::logic_error otherwise; OpenSystem checks them first).
  RedfieldGenerator(const ClosedSystem& closed, const std::vector<Bath>& baths);
  // Any system: couplings S_b given in the eigenbasis (real symmetric), one per bath; `eigenbasis` is referenced and
  // must outlive the generator. apply_product_hermitian then goes through the eigenbasis.
  RedfieldGenerator(const Eigenbasis& eigenbasis, const std::vector<Bath>& baths,
                    std::vector<Eigen::MatrixXd> couplings_in_eigenbasis);
  RedfieldGenerator(const RedfieldGenerator&) = delete;
  RedfieldGenerator& operator=(const RedfieldGenerator&) = delete;

  int dimension() const { return static_cast<int>(energies_.size()); }
  // apply_product_hermitian's H [Re rho | Im rho] is one dense product up to this dimension and a sparse one
  // (row-major: each entry of the result summed in a register) beyond. Measured per right-hand side (bench_rhs, two
  // baths), dense against column-major sparse: d = 20: 4.1 vs 6.6 us, d = 70: 135 vs 145 us, d = 252: 1.77 vs
  // 1.98 ms; d = 462: 8.7 vs 8.4 ms, d = 924: 71 vs 53 ms (row-major sparse: 7.7 and 51 ms).
  static constexpr int dense_hamiltonian_max_dimension = 256;
  const Eigen::VectorXd& energies() const { return energies_; }
  const std::vector<Bath>& baths() const { return baths_; }
  int bath_count() const { return static_cast<int>(baths_.size()); }

  // d rho/dt for any matrix rho (no Hermiticity assumed); four real-by-complex d x d products per bath.
  void apply(const Eigen::Ref<const Eigen::MatrixXcd>& rho, Eigen::Ref<Eigen::MatrixXcd> drho) const;
  // The same for Hermitian rho, using S rho St^T = (St rho S)^dagger: D = A + A^dagger, A = St rho S - M rho
  // (two real products per bath on [Re rho | Im rho]).
  void apply_hermitian(const Eigen::Ref<const Eigen::MatrixXcd>& rho, Eigen::Ref<Eigen::MatrixXcd> drho) const;
  // sum_b D_b[rho] alone (no -i [H, rho]), for Hermitian rho in the eigenbasis: the right-hand side of the
  // interaction frame (dynamics/interaction_frame.hpp), where the coherent part is carried exactly by the frame.
  void apply_dissipator_hermitian(const Eigen::Ref<const Eigen::MatrixXcd>& rho,
                                  Eigen::Ref<Eigen::MatrixXcd> drho) const;
  // The half A = sum_b (St_b X S_b - M_b X) of D[X] = A + A^dagger, for Hermitian X (eigenbasis) given as
  // parts = [Re X | Im X] (d x 2d): (Re A, Im A), held in this thread's workspace until its next right-hand side.
  // For callers that fuse their own element-wise work around the products (the interaction frame).
  std::pair<const Eigen::MatrixXd&, const Eigen::MatrixXd&> dissipator_half(const Eigen::MatrixXd& parts) const;
  // Convenience: the result as a new matrix.
  Eigen::MatrixXcd operator()(const Eigen::MatrixXcd& rho) const;
  // The fast path used for time evolution and iterative solves, for Hermitian rho given in the PRODUCT basis, where
  // S_b = sz is diagonal (+-1) and H is sparse:
  //   d rho/dt = C + C^dagger,  C = -i H rho + sum_b [St_b rho, S_b],  [Y, S]_mn = Y_mn (s_n - s_m),
  // and [Y, S] vanishes between states with equal s, so per bath only the blocks (up, down) and (down, up) of
  // St_b rho are formed: two real products of total size d x d x d/2 (a quarter of a complex product).
  // Plus O(n_b d^2) element-wise work and one sparse product with H.
  void apply_product_hermitian(const Eigen::Ref<const Eigen::MatrixXcd>& rho, Eigen::Ref<Eigen::MatrixXcd> drho) const;
  // Basis changes between the eigenbasis and the product basis (V real orthogonal).
  Eigen::MatrixXcd to_product_basis(const Eigen::Ref<const Eigen::MatrixXcd>& rho) const;
  Eigen::MatrixXcd to_eigenbasis(const Eigen::Ref<const Eigen::MatrixXcd>& rho) const;

  // D_b[rho] alone (defines the heat current from bath b).
  Eigen::MatrixXcd dissipator(int bath, const Eigen::MatrixXcd& rho) const;
  // j_b = Tr(H D_b[rho]) (physics.md, "Currents") for Hermitian rho, in O(d^2): with A = St_b rho S_b - M_b rho,
  // D_b[rho] = A + A^dagger, so j_b = 2 Re Tr(E A) = 2 Re Tr(rho K_b), K_b = S_b E St_b - E M_b (E = diag(E_m)).
  double heat_current(int bath, const Eigen::MatrixXcd& rho) const;

  // The real eigenbasis matrices of bath b.
  const Eigen::MatrixXd& coupling(int bath) const { return *parts_[static_cast<std::size_t>(bath)].s; }
  const Eigen::MatrixXd& transition(int bath) const { return parts_[static_cast<std::size_t>(bath)].st; }
  const Eigen::MatrixXd& coupling_transition(int bath) const { return parts_[static_cast<std::size_t>(bath)].m; }

 private:
  struct BathParts {
    const Eigen::MatrixXd* s = nullptr;  // S_b (ClosedSystem::sz_in_eigenbasis)
    Eigen::MatrixXd st;  // St_b
    Eigen::MatrixXd m;   // S_b St_b
    Eigen::MatrixXd heat_transposed;  // K_b^T (heat_current)
  };
  // The steps of both constructors once the couplings are known: St_b, M_b, K_b^T, the dissipator stack.
  void build_bath_parts();

  const Eigenbasis& eigenbasis_;
  const Eigen::VectorXd& energies_;  // eigenbasis_'s
  std::vector<Bath> baths_;
  const ClosedSystem* closed_;                  // the ring's (null for couplings given in the eigenbasis)
  std::vector<Eigen::MatrixXd> own_couplings_;  // the S_b when not the ring's
  std::vector<BathParts> parts_;
  Eigen::MatrixXd dissipator_stack_;  // [St_1; ...; St_B; sum_b M_b], (B + 1) d x d
  static constexpr Eigen::Index dissipator_copy_max_dimension = 12;
  // Product-basis data of the fast path.
  struct ProductBath {
    std::vector<Eigen::Index> up, down;  // product states with s_b = +1 and -1
    Eigen::MatrixXd st_up, st_down;      // rows `up` and `down` of St_b = V St_b^eig V^T
  };
  struct ProductBasisData {
    Eigen::MatrixXd hamiltonian;                                      // H, up to dense_hamiltonian_max_dimension
    Eigen::SparseMatrix<double, Eigen::RowMajor> sparse_hamiltonian;  // H, beyond
    std::vector<ProductBath> baths;
  };
  // Built at the first apply_product_hermitian (a copy of H and two d x d products per bath that a steady-state
  // solve, as at each point of a sweep, never needs); thread-safe.
  const ProductBasisData& product_data() const;
  mutable std::once_flag product_data_built_;
  mutable ProductBasisData product_data_;
};

}  // namespace nessie
