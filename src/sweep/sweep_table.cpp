#include <nessie/sweep/sweep_table.hpp>

#include <algorithm>
#include <stdexcept>

namespace nessie {

SweepTable::SweepTable(std::size_t points, std::size_t levels, std::size_t baths, std::size_t sites, bool with_run)
    : points_(points), with_run_(with_run) {
  std::vector<std::pair<std::string, std::size_t>> layout = {{"energies", levels},
                                                             {"populations", levels},
                                                             {"bath_heat_currents", baths},
                                                             {"local_heat_currents", sites},
                                                             {"spin_currents", sites},
                                                             {"energy", 0},
                                                             {"ergotropy", 0},
                                                             {"min_eigenvalue", 0},
                                                             {"purity", 0},
                                                             {"von_neumann_entropy", 0},
                                                             {"residual", 0}};
  if (with_run)
    for (const char* name : {"distance_to_ness", "run_min_eigenvalue", "first_violation_time", "accepted_steps"})
      layout.emplace_back(name, 0);
  // In the full space the sector of the k-th lowest level changes along a scan, so it is stored per point.
  layout.emplace_back("level_sectors", levels);
  for (const auto& [name, width] : layout)
    columns_.push_back({name, width, std::vector<double>(points * std::max<std::size_t>(width, 1))});
}

double SweepTable::value(const std::string& name, std::size_t point, std::size_t i) const {
  for (const Column& c : columns_)
    if (c.name == name) return c.values.at(point * std::max<std::size_t>(c.width, 1) + i);
  throw std::out_of_range("SweepTable: no column " + name);
}

void SweepTable::store(std::size_t point, const PointResult& r) {
  const Observables& o = r.observables;
  auto put = [&](Column& c, auto begin, auto end) {
    const std::size_t width = std::max<std::size_t>(c.width, 1);
    if (static_cast<std::size_t>(std::distance(begin, end)) != width)
      throw std::logic_error("SweepTable: point " + std::to_string(point) + " has another shape in " + c.name);
    std::copy(begin, end, c.values.begin() + static_cast<std::ptrdiff_t>(point * width));
  };
  auto scalar = [&](Column& c, double v) { put(c, &v, &v + 1); };
  // Columns in the order of the constructor: looked up by position, not by name, on this per-point path.
  auto c = columns_.begin();
  put(*c++, r.energies.data(), r.energies.data() + r.energies.size());
  put(*c++, o.populations.data(), o.populations.data() + o.populations.size());
  put(*c++, o.bath_heat_currents.begin(), o.bath_heat_currents.end());
  put(*c++, o.local_heat_currents.begin(), o.local_heat_currents.end());
  put(*c++, o.spin_currents.begin(), o.spin_currents.end());
  scalar(*c++, o.energy);
  scalar(*c++, o.ergotropy);
  scalar(*c++, o.min_eigenvalue);
  scalar(*c++, o.purity);
  scalar(*c++, o.von_neumann_entropy);
  scalar(*c++, r.steady.residual);
  if (with_run_) {
    if (!r.run) throw std::logic_error("SweepTable: point " + std::to_string(point) + " has no run check");
    scalar(*c++, r.run->distance_to_ness);
    scalar(*c++, r.run->min_eigenvalue_seen);
    scalar(*c++, r.run->first_violation_time);
    scalar(*c++, static_cast<double>(r.run->accepted_steps));
  }
  put(*c++, r.level_sectors.begin(), r.level_sectors.end());
}

}  // namespace nessie
