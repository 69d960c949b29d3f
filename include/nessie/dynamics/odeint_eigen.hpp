#pragma once
// Adapters that let Boost.Odeint (1.74) integrate Eigen 3.4 complex states (../shared/style.md, "two known traps").
#include <Eigen/Dense>
#include <boost/numeric/odeint.hpp>
#include <boost/numeric/odeint/external/eigen/eigen.hpp>
#include <complex>

namespace boost::numeric::odeint {

// Trap 1 (odeint issue 42): odeint's Eigen norm_inf returns the scalar type, a complex number for complex states,
// which the step-size controllers cannot compare. The infinity norm of a complex vector is its largest modulus.
template <int Rows, int Cols, int Options, int MaxRows, int MaxCols>
struct vector_space_norm_inf<Eigen::Matrix<std::complex<double>, Rows, Cols, Options, MaxRows, MaxCols>> {
  using result_type = double;
  double operator()(const Eigen::Matrix<std::complex<double>, Rows, Cols, Options, MaxRows, MaxCols>& m) const {
    return m.cwiseAbs().maxCoeff();
  }
};

// Trap 2: dense-output steppers copy states with odeint's generic copy, which treats Eigen 3.4 types (which have
// begin()/end()) as ranges and fails for matrices; a plain Eigen assignment is the right copy.
template <class Scalar, int Rows, int Cols, int Options, int MaxRows, int MaxCols>
struct copy_impl<Eigen::Matrix<Scalar, Rows, Cols, Options, MaxRows, MaxCols>,
                 Eigen::Matrix<Scalar, Rows, Cols, Options, MaxRows, MaxCols>> {
  static void copy(const Eigen::Matrix<Scalar, Rows, Cols, Options, MaxRows, MaxCols>& from,
                   Eigen::Matrix<Scalar, Rows, Cols, Options, MaxRows, MaxCols>& to) {
    to = from;
  }
};

}  // namespace boost::numeric::odeint
