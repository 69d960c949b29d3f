// The odeint-Eigen adapters: complex states in controlled and dense-output steppers (both fail to compile without them).
#include <nessie/dynamics/odeint_eigen.hpp>

#include <catch2/catch.hpp>
#include <complex>

namespace odeint = boost::numeric::odeint;
using Complex = std::complex<double>;

namespace {
template <class State>
struct Rotation {  // dx/dt = -i x, solution x(0) exp(-i t)
  void operator()(const State& x, State& dxdt, double) const { dxdt = Complex(0, -1) * x; }
};
}  // namespace

TEST_CASE("complex norm_inf is the largest modulus", "[dynamics][odeint]") {
  Eigen::VectorXcd v(3);
  v << Complex(3, 4), Complex(-1, 0), Complex(0, 2);
  CHECK(odeint::vector_space_norm_inf<Eigen::VectorXcd>()(v) == Approx(5.0));
}

TEST_CASE("a controlled stepper integrates a complex Eigen vector", "[dynamics][odeint]") {
  using State = Eigen::VectorXcd;
  auto stepper = odeint::make_controlled(1e-12, 1e-12,
                                         odeint::runge_kutta_dopri5<State, double, State, double, odeint::vector_space_algebra>());
  State x = State::Constant(2, Complex(1, 0));
  const std::size_t steps = odeint::integrate_adaptive(stepper, Rotation<State>(), x, 0.0, 2.0, 0.01);
  CHECK(steps > 0);
  CHECK(std::abs(x(0) - std::exp(Complex(0, -2.0))) < 1e-9);
}

TEST_CASE("a dense-output stepper integrates a complex Eigen matrix", "[dynamics][odeint]") {
  using State = Eigen::MatrixXcd;
  auto stepper = odeint::make_dense_output(
      1e-12, 1e-12, odeint::runge_kutta_dopri5<State, double, State, double, odeint::vector_space_algebra>());
  State x = State::Identity(2, 2);
  odeint::integrate_const(stepper, Rotation<State>(), x, 0.0, 1.5, 0.5);
  CHECK(std::abs(x(1, 1) - std::exp(Complex(0, -1.5))) < 1e-9);
  CHECK(std::abs(x(0, 1)) < 1e-15);
}
