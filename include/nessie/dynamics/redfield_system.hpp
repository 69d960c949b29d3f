#pragma once
// The Redfield equation as Boost.Odeint systems, one per right-hand side:
//   RedfieldSystem:      d vec(rho)/dt = vec(L rho), rho column-stacked in the product basis (matrix-free, where
//                        RedfieldGenerator::apply_product_hermitian works);
//   DenseRedfieldSystem: d x/dt = A x on the real Hermitian coordinates of rho (RealLiouvillian);
// and the same two in the interaction frame (interaction_frame.hpp), on sigma in the eigenbasis:
//   InteractionRedfieldSystem:      d vec(sigma)/dt, the dissipator by RedfieldGenerator::dissipator_half;
//   DenseInteractionRedfieldSystem: the same on the Hermitian coordinates of sigma, the dissipator as a dense matrix.
#include <nessie/dynamics/interaction_frame.hpp>
#include <nessie/redfield/generator.hpp>
#include <nessie/redfield/real_liouvillian.hpp>

#include <Eigen/Dense>

namespace nessie {

using OdeState = Eigen::VectorXcd;       // rho in the product basis, column-stacked (d^2 entries)
using DenseOdeState = Eigen::VectorXd;   // HermitianCoordinates of rho (d^2 entries)

// Holds the generator by reference and counts its evaluations; odeint copies systems, so pass it with std::ref.
// Assumes Hermitian rho, which the equation preserves.
class RedfieldSystem {
 public:
  explicit RedfieldSystem(const RedfieldGenerator& generator) : generator_(generator), d_(generator.dimension()) {}

  void operator()(const OdeState& x, OdeState& dxdt, double /*t*/) {
    ++evaluations_;
    dxdt.resize(x.size());
    const Eigen::Map<const Eigen::MatrixXcd> rho(x.data(), d_, d_);
    Eigen::Map<Eigen::MatrixXcd> drho(dxdt.data(), d_, d_);
    generator_.apply_product_hermitian(rho, drho);
  }

  long evaluations() const { return evaluations_; }

 private:
  const RedfieldGenerator& generator_;
  int d_;
  long evaluations_ = 0;
};

// The same equation as one real matrix-vector product; pass with std::ref.
class DenseRedfieldSystem {
 public:
  explicit DenseRedfieldSystem(const RealLiouvillian& liouvillian) : liouvillian_(liouvillian) {}

  void operator()(const DenseOdeState& x, DenseOdeState& dxdt, double /*t*/) {
    ++evaluations_;
    dxdt.resize(x.size());
    liouvillian_.apply(x, dxdt);
  }

  long evaluations() const { return evaluations_; }

 private:
  const RealLiouvillian& liouvillian_;
  long evaluations_ = 0;
};

// d sigma/dt = Phi_t^-1( D[Phi_t(sigma)] + L[rho_ref] ) (interaction_frame.hpp), sigma column-stacked in the
// eigenbasis: Phi_t(sigma) written straight into [Re | Im] for the generator's products
// (RedfieldGenerator::dissipator_half), and A + A^dagger + L[rho_ref] turned back in the same pass; pass with std::ref.
class InteractionRedfieldSystem {
 public:
  InteractionRedfieldSystem(const RedfieldGenerator& generator, InteractionFrame& frame)
      : generator_(generator), frame_(frame), d_(generator.dimension()), parts_(d_, 2 * d_) {}

  void operator()(const OdeState& x, OdeState& dxdt, double t);

  long evaluations() const { return evaluations_; }

 private:
  const RedfieldGenerator& generator_;
  InteractionFrame& frame_;
  int d_;
  Eigen::MatrixXd parts_;  // [Re Phi_t(sigma) | Im Phi_t(sigma)]
  long evaluations_ = 0;
};

// The same on the Hermitian coordinates of sigma (eigenbasis): rotate each pair (Re, Im) of a coherence by its phase,
// one real product with the dissipator's matrix, add L[rho_ref], rotate back; pass with std::ref.
class DenseInteractionRedfieldSystem {
 public:
  DenseInteractionRedfieldSystem(const RealLiouvillian& dissipator, InteractionFrame& frame);

  void operator()(const DenseOdeState& x, DenseOdeState& dxdt, double t);

  long evaluations() const { return evaluations_; }

 private:
  const RealLiouvillian& dissipator_;
  InteractionFrame& frame_;
  Eigen::VectorXd reference_derivative_;  // packed L[rho_ref]
  Eigen::VectorXcd pair_phases_;          // exp(-i omega_mn t) in the order of the (Re, Im) pairs
  Eigen::VectorXd rotated_, dissipated_;
  long evaluations_ = 0;
};

}  // namespace nessie
