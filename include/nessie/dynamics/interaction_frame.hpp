#pragma once
// The interaction frame of the time evolution: the deviation of rho from a reference state (the direct NESS),
// rotated with H so that the coherent part of the Redfield equation is carried exactly instead of being integrated.
#include <nessie/redfield/generator.hpp>

#include <Eigen/Dense>

namespace nessie {

// In the energy eigenbasis, with omega_mn = E_m - E_n and the reference state rho_ref:
//   rho(t) = rho_ref + Phi_t(sigma(t)),   Phi_t(sigma)_mn = exp(-i omega_mn t) sigma_mn,
//   d sigma/dt = Phi_t^-1( D[Phi_t(sigma)] + L[rho_ref] ),
// the same equation as d rho/dt = L rho = -i [H, rho] + D[rho] (physics.md): the -i [H, .] of Phi_t(sigma) is the
// time derivative of Phi_t itself. sigma varies at the rates of the dissipator and of the Bohr-frequency differences
// it couples (weak coupling: slowly), and decays to the kernel's distance from rho_ref (~0 for the NESS), so an
// adaptive stepper takes far fewer steps than on rho, whose coherences turn at the Bohr frequencies forever
// (docs/performance.md). L[rho_ref] (~1e-16 for the NESS) is kept, so the equation does not assume that rho_ref is
// steady: the long-time state is the generator's, and its distance to the direct NESS stays an independent check.
class InteractionFrame {
 public:
  // reference: rho_ref in the eigenbasis (d x d), or an empty matrix for zero.
  InteractionFrame(const RedfieldGenerator& generator, const Eigen::MatrixXcd& reference);

  int dimension() const { return static_cast<int>(level_frequencies_.size()); }
  const Eigen::MatrixXcd& reference_derivative() const { return reference_derivative_; }  // L[rho_ref]
  const Eigen::VectorXd& level_frequencies() const { return level_frequencies_; }         // E_m - mean(E)
  const Eigen::MatrixXcd& reference() const { return reference_; }                        // rho_ref

  // u_m = exp(-i E_m t) (d sines and cosines, the energies centred on their mean) and P_mn = exp(-i omega_mn t) =
  // u_m conj(u_n); each remembered for the last t asked for.
  const Eigen::VectorXcd& level_phases(double t);
  const Eigen::MatrixXcd& phases(double t);
  // rho = rho_ref + Phi_t(sigma) and back.
  void to_lab(const Eigen::Ref<const Eigen::MatrixXcd>& sigma, double t, Eigen::Ref<Eigen::MatrixXcd> rho);
  void from_lab(const Eigen::Ref<const Eigen::MatrixXcd>& rho, double t, Eigen::Ref<Eigen::MatrixXcd> sigma);

 private:
  Eigen::VectorXd level_frequencies_;  // E_m - mean(E)
  Eigen::MatrixXcd reference_, reference_derivative_;
  Eigen::VectorXd angles_, sines_, cosines_;
  Eigen::VectorXcd level_phases_;
  double level_phases_time_ = 0;
  bool level_phases_valid_ = false;
  Eigen::MatrixXcd phases_;
  double phases_time_ = 0;
  bool phases_valid_ = false;
};

}  // namespace nessie
