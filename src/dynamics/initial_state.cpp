#include <nessie/dynamics/initial_state.hpp>

#include <nessie/errors.hpp>

#include <cmath>

namespace nessie {

namespace {

Eigen::MatrixXcd product_state(const OpenSystem& system, const std::string& text) {
  const SpinBasis& basis = system.basis();
  if (static_cast<int>(text.size()) != basis.sites())
    throw InputError("--initial", "product state '" + text + "' has " + std::to_string(text.size()) +
                                      " sites, the ring has " + std::to_string(basis.sites()));
  BasisState s = 0;
  for (std::size_t l = 0; l < text.size(); ++l) {
    if (text[l] == 'u') s |= BasisState{1} << l;
    else if (text[l] != 'd')
      throw InputError("--initial", "product state '" + text + "' may contain only 'u' and 'd'");
  }
  const int index = basis.index_of(s);
  if (index < 0)
    throw InputError("--initial", "product state '" + text + "' is not in the sector with " +
                                      std::to_string(*basis.up()) + " up spins");
  Eigen::MatrixXcd rho = Eigen::MatrixXcd::Zero(basis.dimension(), basis.dimension());
  rho(index, index) = 1.0;
  return system.eigenbasis().to_eigenbasis(rho);
}

}  // namespace

Eigen::MatrixXcd initial_density_matrix(const OpenSystem& system, const InitialState& state) {
  const int d = system.dimension();
  const Eigen::VectorXd& e = system.eigenbasis().energies();
  switch (state.kind) {
    case InitialState::Kind::ground: {
      Eigen::MatrixXcd rho = Eigen::MatrixXcd::Zero(d, d);
      rho(0, 0) = 1.0;  // levels are sorted by energy
      return rho;
    }
    case InitialState::Kind::mixed: return Eigen::MatrixXcd::Identity(d, d) / static_cast<double>(d);
    case InitialState::Kind::thermal: {
      if (!(state.temperature > 0) || !std::isfinite(state.temperature))
        throw InputError("--initial", "thermal:T needs a temperature T > 0");
      // exp(-(E - E_0)/T) / Z, shifted by the ground energy to avoid overflow
      const Eigen::VectorXd boltzmann = (-(e.array() - e(0)) / state.temperature).exp();
      return (boltzmann / boltzmann.sum()).cast<Complex>().asDiagonal();
    }
    case InitialState::Kind::product: return product_state(system, state.product);
    case InitialState::Kind::matrix: {
      const Eigen::MatrixXcd& m = state.product_basis;
      if (m.rows() != d || m.cols() != d)
        throw InputError("--initial", "the stored density matrix has dimension " + std::to_string(m.rows()) +
                                          ", this system has dimension " + std::to_string(d));
      if (!m.allFinite()) throw InputError("--initial", "the stored density matrix has non-finite entries");
      if (std::abs(m.trace().real() - 1.0) > 1e-6 || (m - m.adjoint()).norm() > 1e-6)
        throw InputError("--initial", "the stored matrix is not a density matrix (trace 1, Hermitian)");
      return system.eigenbasis().to_eigenbasis(m);
    }
  }
  throw std::logic_error("initial_density_matrix: unknown kind");
}

}  // namespace nessie
