#include <nessie/observables/ergotropy.hpp>

#include <algorithm>
#include <functional>
#include <vector>

namespace nessie {

double ergotropy(double energy, const Eigen::VectorXd& rho_eigenvalues, const Eigen::VectorXd& energies) {
  std::vector<double> r(rho_eigenvalues.data(), rho_eigenvalues.data() + rho_eigenvalues.size());
  std::vector<double> e(energies.data(), energies.data() + energies.size());
  std::sort(r.begin(), r.end(), std::greater<double>());
  std::sort(e.begin(), e.end());
  double passive_energy = 0;
  for (std::size_t k = 0; k < r.size(); ++k) passive_energy += r[k] * e[k];
  return energy - passive_energy;
}

}  // namespace nessie
