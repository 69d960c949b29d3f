#pragma once
// The Markovian Redfield generator of physics.md (non-secular, Lamb shift dropped), acting on density matrices
// written in the energy eigenbasis of H.
#include <nessie/baths/bath.hpp>
#include <nessie/redfield/eigenbasis.hpp>

#include <Eigen/Dense>
#include <vector>

namespace nessie {

// d rho/dt = -i [H, rho] + sum_b D_b[rho],  D_b[rho] = [St_b rho, S_b] + [S_b, rho St_b^dagger],
// <m|St_b|n> = <m|S_b|n> G_b(E_n - E_m)   (physics.md; paper Eqs. 4-10).
// In the eigenbasis S_b and St_b are real, so with M_b = S_b St_b:
//   D_b[rho] = St_b rho S_b - M_b rho + S_b rho St_b^T - rho M_b^T.
class RedfieldGenerator {
 public:
  // sz_operators[b] is S_b = sz at the site of baths[b], in the product basis.
  RedfieldGenerator(const Eigenbasis& eigenbasis, const std::vector<Bath>& baths,
                    const std::vector<SparseOperator>& sz_operators);

  int dimension() const { return static_cast<int>(energies_.size()); }
  const Eigen::VectorXd& energies() const { return energies_; }
  const std::vector<Bath>& baths() const { return baths_; }
  int bath_count() const { return static_cast<int>(baths_.size()); }

  // d rho/dt for any matrix rho (no Hermiticity assumed); three real-by-complex d x d products per bath.
  void apply(const Eigen::Ref<const Eigen::MatrixXcd>& rho, Eigen::Ref<Eigen::MatrixXcd> drho) const;
  // The same for Hermitian rho, using S rho St^T = (St rho S)^dagger: two products per bath.
  void apply_hermitian(const Eigen::Ref<const Eigen::MatrixXcd>& rho, Eigen::Ref<Eigen::MatrixXcd> drho) const;
  // Convenience: the result as a new matrix.
  Eigen::MatrixXcd operator()(const Eigen::MatrixXcd& rho) const;
  // D_b[rho] alone (defines the heat current from bath b).
  Eigen::MatrixXcd dissipator(int bath, const Eigen::MatrixXcd& rho) const;
  // j_b = Tr(H D_b[rho]) = sum_m E_m D_b[rho]_mm   (physics.md, "Currents").
  double heat_current(int bath, const Eigen::MatrixXcd& rho) const;

  // The real eigenbasis matrices of bath b.
  const Eigen::MatrixXd& coupling(int bath) const { return parts_[static_cast<std::size_t>(bath)].s; }
  const Eigen::MatrixXd& transition(int bath) const { return parts_[static_cast<std::size_t>(bath)].st; }
  const Eigen::MatrixXd& coupling_transition(int bath) const { return parts_[static_cast<std::size_t>(bath)].m; }

 private:
  struct BathParts {
    Eigen::MatrixXd s;   // S_b
    Eigen::MatrixXd st;  // St_b
    Eigen::MatrixXd m;   // S_b St_b
  };
  Eigen::VectorXd energies_;
  std::vector<Bath> baths_;
  std::vector<BathParts> parts_;
};

}  // namespace nessie
