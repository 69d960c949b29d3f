#include <nessie/io/sweep_file.hpp>

#include <nessie/io/model_record.hpp>

#include <cmath>
#include <functional>

namespace nessie::io {

namespace {

std::vector<hsize_t> grid_shape(const SweepGrid& grid, std::size_t trailing = 0) {
  std::vector<hsize_t> shape;
  for (std::size_t n : grid.shape()) shape.push_back(static_cast<hsize_t>(n));
  if (trailing) shape.push_back(static_cast<hsize_t>(trailing));
  return shape;
}

void write_common(Hdf5File& file, const SweepGrid& grid, const ModelSpec& base, const std::string& kind,
                  const std::string& command_line) {
  file.set_attribute("/", "kind", kind);
  write_parameters(file, base.ring(), base.up, base.bath_objects(), command_line);
  std::string names;
  for (const ScanAxis& axis : grid.axes()) {
    file.write_dataset("scan/" + axis.name(), axis.values(), {static_cast<hsize_t>(axis.count)});
    names += (names.empty() ? "" : ",") + axis.name();
  }
  file.set_attribute("scan", "axes", names);
}

// One dataset: grid shape (+ `width` values per point taken by `value(point, i)`).
void write_grid(Hdf5File& file, const std::string& name, const SweepGrid& grid, std::size_t width,
                const std::function<double(std::size_t, std::size_t)>& value) {
  std::vector<double> data;
  data.reserve(grid.size() * std::max<std::size_t>(width, 1));
  for (std::size_t p = 0; p < grid.size(); ++p)
    for (std::size_t i = 0; i < std::max<std::size_t>(width, 1); ++i) data.push_back(value(p, i));
  file.write_dataset("results/" + name, data, grid_shape(grid, width));
}

}  // namespace

void write_sweep_file(const std::string& path, const SweepGrid& grid, const ModelSpec& base, const std::string& method,
                      const std::vector<PointResult>& results, const std::string& command_line) {
  Hdf5File file(path, OpenMode::overwrite);
  write_common(file, grid, base, "nessie sweep", command_line);
  file.set_attribute("parameters", "method", method);
  const PointResult& first = results.front();
  const std::size_t d = static_cast<std::size_t>(first.energies.size());
  const std::size_t baths = first.observables.bath_heat_currents.size();
  const std::size_t sites = first.observables.local_heat_currents.size();
  auto at = [&](std::size_t p) -> const Observables& { return results[p].observables; };
  write_grid(file, "energies", grid, d, [&](std::size_t p, std::size_t i) { return results[p].energies(static_cast<Eigen::Index>(i)); });
  write_grid(file, "populations", grid, d, [&](std::size_t p, std::size_t i) { return at(p).populations(static_cast<Eigen::Index>(i)); });
  write_grid(file, "bath_heat_currents", grid, baths, [&](std::size_t p, std::size_t i) { return at(p).bath_heat_currents[i]; });
  write_grid(file, "local_heat_currents", grid, sites, [&](std::size_t p, std::size_t i) { return at(p).local_heat_currents[i]; });
  write_grid(file, "spin_currents", grid, sites, [&](std::size_t p, std::size_t i) { return at(p).spin_currents[i]; });
  write_grid(file, "energy", grid, 0, [&](std::size_t p, std::size_t) { return at(p).energy; });
  write_grid(file, "ergotropy", grid, 0, [&](std::size_t p, std::size_t) { return at(p).ergotropy; });
  write_grid(file, "min_eigenvalue", grid, 0, [&](std::size_t p, std::size_t) { return at(p).min_eigenvalue; });
  write_grid(file, "purity", grid, 0, [&](std::size_t p, std::size_t) { return at(p).purity; });
  write_grid(file, "von_neumann_entropy", grid, 0, [&](std::size_t p, std::size_t) { return at(p).von_neumann_entropy; });
  write_grid(file, "residual", grid, 0, [&](std::size_t p, std::size_t) { return results[p].steady.residual; });
  if (first.run) {
    write_grid(file, "distance_to_ness", grid, 0, [&](std::size_t p, std::size_t) { return results[p].run->distance_to_ness; });
    write_grid(file, "run_min_eigenvalue", grid, 0, [&](std::size_t p, std::size_t) { return results[p].run->min_eigenvalue_seen; });
    write_grid(file, "first_violation_time", grid, 0, [&](std::size_t p, std::size_t) { return results[p].run->first_violation_time; });
    write_grid(file, "accepted_steps", grid, 0, [&](std::size_t p, std::size_t) { return static_cast<double>(results[p].run->accepted_steps); });
  }
  // In the full space the sector of the k-th lowest level changes along a scan, so it is stored per point.
  write_grid(file, "level_sectors", grid, d, [&](std::size_t p, std::size_t i) { return results[p].level_sectors[i]; });
  file.set_attribute("/", "status", std::string("complete"));
  file.close();
}

void write_spectrum_file(const std::string& path, const SweepGrid& grid, const ModelSpec& base,
                         const std::vector<Eigen::VectorXd>& energies, const std::vector<int>& level_sectors,
                         const std::string& command_line) {
  Hdf5File file(path, OpenMode::overwrite);
  write_common(file, grid, base, "nessie spectrum", command_line);
  const std::size_t d = level_sectors.size();
  write_grid(file, "energies", grid, d, [&](std::size_t p, std::size_t i) { return energies[p](static_cast<Eigen::Index>(i)); });
  if (d > 1)
    write_grid(file, "gaps", grid, d - 1, [&](std::size_t p, std::size_t i) {
      // levels are grouped by sector; a gap counts only between neighbours in the same sector
      return level_sectors[i] == level_sectors[i + 1]
                 ? energies[p](static_cast<Eigen::Index>(i + 1)) - energies[p](static_cast<Eigen::Index>(i))
                 : NAN;
    });
  std::vector<long long> sectors(level_sectors.begin(), level_sectors.end());
  file.write_dataset("results/level_sectors", sectors, {static_cast<hsize_t>(d)});
  file.set_attribute("/", "status", std::string("complete"));
  file.close();
}

}  // namespace nessie::io
