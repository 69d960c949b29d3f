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
#include <nessie/util/padded_matrix.hpp>

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
// With real coupling operators and rates (no Lamb shift, physics.md) D[conj(rho)] = conj(D[rho]): the dissipator maps
// the real parts (the diagonal and Re sigma_mn) onto real parts and the imaginary parts onto imaginary parts, so its
// matrix is two blocks, (d(d+1)/2)^2 + (d(d-1)/2)^2 entries instead of d^4 (666 of 1 296 at d = 6). When the
// dissipator's matrix has that form exactly (checked when built), the rotated coherences are written split into real
// and imaginary parts and the two blocks are multiplied separately; otherwise the whole matrix.
class DenseInteractionRedfieldSystem {
 public:
  DenseInteractionRedfieldSystem(const RealLiouvillian& dissipator, const InteractionFrame& frame);

  void operator()(const DenseOdeState& x, DenseOdeState& dxdt, double t);
  // rho = rho_ref + Phi_t(sigma) (eigenbasis) from the coordinates x of sigma at time t, with the phases of the last
  // right-hand side when it was at t (as after an accepted step: the last stage of a step is at its end).
  void to_lab(const DenseOdeState& x, double t, Eigen::MatrixXcd& rho);

  long evaluations() const { return evaluations_; }
  bool split() const { return split_; }  // the two blocks are used

 private:
  void compute_phases(double t);

  const RealLiouvillian& dissipator_;
  Eigen::MatrixXcd reference_;            // rho_ref
  Eigen::VectorXd reference_derivative_;  // packed L[rho_ref]
  // omega_mn = E_m - E_n in the order of the (Re, Im) pairs, and at time t the angles omega_mn t, their cosines and
  // sines (padded to a multiple of 8 entries).
  Eigen::VectorXd pair_frequencies_, pair_angles_, pair_cos_, pair_sin_;
  double phases_time_ = 0;
  bool phases_valid_ = false;
  Eigen::VectorXd rotated_, dissipated_;
  bool split_ = false;
  PaddedMatrix real_block_, imaginary_block_;  // rows and columns: the diagonal and Re sigma_mn; Im sigma_mn
  Eigen::VectorXd rotated_imaginary_, dissipated_imaginary_;
  long evaluations_ = 0;
};

}  // namespace nessie
