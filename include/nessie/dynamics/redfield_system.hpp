#pragma once
// The Redfield equation as Boost.Odeint systems, one per right-hand side:
//   RedfieldSystem:      d vec(rho)/dt = vec(L rho), rho column-stacked in the product basis (matrix-free, where
//                        RedfieldGenerator::apply_product_hermitian works);
//   DenseRedfieldSystem: d x/dt = A x on the real Hermitian coordinates of rho (RealLiouvillian).
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

}  // namespace nessie
