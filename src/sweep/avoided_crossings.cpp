#include <nessie/sweep/avoided_crossings.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace nessie {

namespace {

// Levels of each sector at one point, ascending.
std::map<int, std::vector<double>> by_sector(const Eigen::VectorXd& energies, const std::vector<int>& sectors) {
  std::map<int, std::vector<double>> levels;
  for (Eigen::Index i = 0; i < energies.size(); ++i) levels[sectors[static_cast<std::size_t>(i)]].push_back(energies(i));
  for (auto& [k, e] : levels) std::sort(e.begin(), e.end());
  return levels;
}

}  // namespace

std::vector<AvoidedCrossing> find_avoided_crossings(const std::vector<double>& values,
                                                    const std::vector<Eigen::VectorXd>& energies,
                                                    const std::vector<std::vector<int>>& sectors) {
  std::vector<AvoidedCrossing> found;
  if (values.size() < 3) return found;
  std::vector<std::map<int, std::vector<double>>> levels;
  for (std::size_t i = 0; i < values.size(); ++i) levels.push_back(by_sector(energies[i], sectors[i]));
  for (const auto& [sector, first] : levels.front()) {
    for (std::size_t k = 0; k + 1 < first.size(); ++k) {
      auto gap = [&](std::size_t i) { return levels[i].at(sector)[k + 1] - levels[i].at(sector)[k]; };
      for (std::size_t i = 1; i + 1 < values.size(); ++i) {
        const double g0 = gap(i - 1), g1 = gap(i), g2 = gap(i + 1);
        // A dip deeper than round-off on both sides (a constant gap is not a crossing).
        const double noise = 1e-9 * std::max(1.0, std::abs(g1));
        if (!(g1 < g0 - noise && g1 < g2 - noise)) continue;
        // Parabola through the three points (uniform spacing h): vertex offset and value.
        const double h = values[i + 1] - values[i];
        const double curvature = g0 - 2 * g1 + g2;
        const double offset = curvature > 0 ? 0.5 * h * (g0 - g2) / curvature : 0.0;
        AvoidedCrossing c;
        c.sector = sector;
        c.lower_level = static_cast<int>(k) + 1;
        c.position = values[i] + offset;
        c.gap = curvature > 0 ? g1 - (g0 - g2) * (g0 - g2) / (8 * curvature) : g1;
        found.push_back(c);
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const AvoidedCrossing& a, const AvoidedCrossing& b) { return a.gap < b.gap; });
  return found;
}

}  // namespace nessie
