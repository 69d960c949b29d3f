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
  for (const auto& [name, width] : layout) columns_.push_back({name, width, {}});
  for (Column& c : columns_) c.values.resize(points * std::max<std::size_t>(c.width, 1));  // uninitialised
}

const SweepTable::Column& SweepTable::column(const std::string& name) const {
  for (const Column& c : columns_)
    if (c.name == name) return c;
  throw std::out_of_range("SweepTable: no column " + name);
}

void SweepTable::store(std::size_t point, const PointResult& r) {
  const Observables& o = r.observables;
  // Columns in the order of the constructor, taken one after the other (and their names checked, so that the two
  // lists cannot drift apart) rather than looked up by name on this per-point path.
  auto c = columns_.begin();
  auto put = [&](const char* name, auto begin, auto end) {
    if (c == columns_.end() || c->name != name)
      throw std::logic_error(std::string("SweepTable: column ") + name + " out of order");
    const std::size_t width = std::max<std::size_t>(c->width, 1);
    if (static_cast<std::size_t>(std::distance(begin, end)) != width)
      throw std::logic_error("SweepTable: point " + std::to_string(point) + " has another shape in " + c->name);
    std::copy(begin, end, c->values.begin() + static_cast<std::ptrdiff_t>(point * width));
    ++c;
  };
  auto scalar = [&](const char* name, double v) { put(name, &v, &v + 1); };
  put("energies", r.energies.data(), r.energies.data() + r.energies.size());
  put("populations", o.populations.data(), o.populations.data() + o.populations.size());
  put("bath_heat_currents", o.bath_heat_currents.begin(), o.bath_heat_currents.end());
  put("local_heat_currents", o.local_heat_currents.begin(), o.local_heat_currents.end());
  put("spin_currents", o.spin_currents.begin(), o.spin_currents.end());
  scalar("energy", o.energy);
  scalar("ergotropy", o.ergotropy);
  scalar("min_eigenvalue", o.min_eigenvalue);
  scalar("purity", o.purity);
  scalar("von_neumann_entropy", o.von_neumann_entropy);
  scalar("residual", r.steady.residual);
  if (with_run_) {
    if (!r.run) throw std::logic_error("SweepTable: point " + std::to_string(point) + " has no run check");
    scalar("distance_to_ness", r.run->distance_to_ness);
    scalar("run_min_eigenvalue", r.run->min_eigenvalue_seen);
    scalar("first_violation_time", r.run->first_violation_time);
    scalar("accepted_steps", static_cast<double>(r.run->accepted_steps));
  }
  put("level_sectors", r.level_sectors.begin(), r.level_sectors.end());
}

}  // namespace nessie
