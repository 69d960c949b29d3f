#pragma once
// Avoided crossings along a one-dimensional scan: local minima of the gaps between neighbouring levels of a sector.
#include <Eigen/Dense>
#include <vector>

namespace nessie {

// A local minimum of E_{k+1} - E_k (levels counted within one sector, from 1) along a scan.
struct AvoidedCrossing {
  int sector = 0;
  int lower_level = 0;  // k: the gap is between levels k and k+1 of the sector
  double position = 0;  // scan value of the minimum (parabolic refinement through the three nearest points)
  double gap = 0;       // the gap there (from the same parabola)
};

// energies[i]: all levels at scan value values[i]; sectors: the sector of each level (same at every point, levels
// ascending within each sector). Interior local minima only (a gap that shrinks to the edge of the scan is not
// located). Sorted by gap, smallest first.
std::vector<AvoidedCrossing> find_avoided_crossings(const std::vector<double>& values,
                                                    const std::vector<Eigen::VectorXd>& energies,
                                                    const std::vector<std::vector<int>>& sectors);

}  // namespace nessie
