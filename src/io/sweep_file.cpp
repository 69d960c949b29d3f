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
                      const SweepTable& results, const std::string& command_line) {
  Hdf5File file(path, OpenMode::overwrite);
  write_common(file, grid, base, "nessie sweep", command_line);
  file.set_attribute("parameters", "method", method);
  for (const SweepTable::Column& c : results.columns())
    file.write_dataset("results/" + c.name, c.values.data(), c.values.size(), grid_shape(grid, c.width));
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
