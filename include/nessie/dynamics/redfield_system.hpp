#pragma once
// The Redfield equation as a Boost.Odeint system: d vec(rho)/dt = vec(L rho), rho column-stacked in the product basis
// (where the fast right-hand side RedfieldGenerator::apply_product_hermitian works).
#include <nessie/redfield/generator.hpp>

#include <Eigen/Dense>

namespace nessie {

using OdeState = Eigen::VectorXcd;  // rho in the product basis, column-stacked (d^2 entries)

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
  const RedfieldGenerator& generator() const { return generator_; }

 private:
  const RedfieldGenerator& generator_;
  int d_;
  long evaluations_ = 0;
};

}  // namespace nessie
