#include <nessie/solvers/spectral_gap.hpp>

#include <nessie/redfield/liouvillian.hpp>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>
#include <set>

namespace nessie {

std::optional<SpectralGap> spectral_gap(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                        int max_block) {
  std::set<int> sectors;
  for (int i = 0; i < eigenbasis.dimension(); ++i) sectors.insert(eigenbasis.sector_of(i));
  for (int k : sectors)
    if (eigenbasis.levels_in_sector(k).size() * eigenbasis.levels_in_sector(k).size() > static_cast<std::size_t>(max_block))
      return std::nullopt;

  SpectralGap gap;
  gap.rate = std::numeric_limits<double>::infinity();
  for (int k : sectors)
    for (int k2 : sectors) {
      const std::vector<int> rows = eigenbasis.levels_in_sector(k);
      const std::vector<int> cols = eigenbasis.levels_in_sector(k2);
      const Eigen::ComplexEigenSolver<Eigen::MatrixXcd> solver(assemble_liouvillian(generator, rows, cols), false);
      const Eigen::VectorXcd& lambda = solver.eigenvalues();
      Eigen::Index stationary = -1;
      if (k == k2) lambda.cwiseAbs().minCoeff(&stationary);
      for (Eigen::Index i = 0; i < lambda.size(); ++i) {
        if (i == stationary) continue;
        if (std::abs(lambda(i).real()) < gap.rate) {
          gap.rate = std::abs(lambda(i).real());
          gap.frequency = lambda(i).imag();
        }
      }
      ++gap.blocks;
    }
  return gap;
}

}  // namespace nessie
