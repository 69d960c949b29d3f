// nessie spectrum: energies of H over a scan, with the gaps between neighbouring levels and the avoided crossings.
#include "command_options.hpp"
#include "commands.hpp"
#include "json_output.hpp"
#include "model_options.hpp"
#include "output_file.hpp"
#include "scan_options.hpp"

#include <nessie/errors.hpp>
#include <nessie/io/sweep_file.hpp>
#include <nessie/model/ring_terms.hpp>
#include <nessie/redfield/eigenbasis.hpp>
#include <nessie/sweep/avoided_crossings.hpp>
#include <nessie/sweep/sweep.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace po = boost::program_options;

namespace nessie::cli {

int spectrum_command(const std::vector<std::string>& args, const std::string& command_line) {
  CommonOptions common;
  ModelOptions model;
  std::vector<std::string> scans;
  int report = 10;
  int threads = 0;
  po::options_description description("nessie spectrum: energies of H over a scan and its avoided crossings\n\nOptions");
  add_model_options(description, model);
  description.add_options()
      ("scan", po::value(&scans)->composing(), "NAME=START:STOP:COUNT, once or twice (as in nessie sweep)")
      ("report", po::value(&report)->default_value(report), "how many of the smallest gaps to report")
      ("threads", po::value(&threads)->default_value(threads), "worker threads (0 = all cores)");
  add_common_options(description, common, "");
  parse_command(args, description);
  if (common.help) {
    std::cout << "usage: nessie spectrum --scan NAME=START:STOP:COUNT [--scan ...] [options]\n\n" << description << "\n";
    return 0;
  }
  const ModelSpec base = make_model_spec(model);
  const std::vector<ScanAxis> axes = parse_scans(scans, base);
  if (report < 0) throw InputError("--report", "must be >= 0");
  if (threads < 0) throw InputError("--threads", "must be >= 0");
  OutputFile output(common.output, common.force);

  const SweepGrid grid(axes);
  const RingTerms terms(base.sites, base.up);  // built once; H at each point is a combination of them
  const SpinBasis& basis = terms.basis();
  // Levels grouped by sector (ascending K), ascending within each: the labelling stays fixed along the scan.
  std::vector<int> level_sectors;
  for (int k : basis.sectors())
    for (int i = 0; i < static_cast<int>(binomial(base.sites, k)); ++i) level_sectors.push_back(k);
  std::vector<Eigen::VectorXd> energies(grid.size());
  for_each_point(grid.size(), threads, [&](std::size_t p) {
    const Eigenbasis eigen(terms.hamiltonian(grid.model(base, p).ring()), basis);
    Eigen::VectorXd grouped(eigen.dimension());
    Eigen::Index next = 0;
    for (int k : basis.sectors())
      for (int level : eigen.levels_in_sector(k)) grouped(next++) = eigen.energies()(level);
    energies[p] = grouped;
  });

  // Avoided crossings along the first axis, for every value of the second.
  struct Found {
    AvoidedCrossing crossing;
    double other = 0;
  };
  std::vector<Found> found;
  const std::size_t n0 = grid.shape()[0];
  const std::size_t n1 = axes.size() > 1 ? grid.shape()[1] : 1;
  for (std::size_t j = 0; j < n1; ++j) {
    std::vector<double> values;
    std::vector<Eigen::VectorXd> line;
    for (std::size_t i = 0; i < n0; ++i) {
      values.push_back(grid.point(i * n1 + j)[0]);
      line.push_back(energies[i * n1 + j]);
    }
    for (const AvoidedCrossing& c :
         find_avoided_crossings(values, line, std::vector<std::vector<int>>(n0, level_sectors)))
      found.push_back({c, axes.size() > 1 ? grid.point(j)[1] : 0.0});
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.crossing.gap < b.crossing.gap; });
  if (found.size() > static_cast<std::size_t>(report)) found.resize(static_cast<std::size_t>(report));

  if (output.requested()) {
    io::write_spectrum_file(output.temporary_path(), grid, base, energies, level_sectors, command_line);
    output.commit();
  }
  if (common.json) {
    Json j;
    j["scan"] = Json::object();
    for (const ScanAxis& a : axes) j["scan"][a.name()] = a.values();
    j["level_sectors"] = level_sectors;
    Json points = Json::array();
    for (std::size_t p = 0; p < grid.size(); ++p)
      points.push_back(std::vector<double>(energies[p].data(), energies[p].data() + energies[p].size()));
    j["energies"] = points;
    Json crossings = Json::array();
    for (const Found& f : found) {
      Json c = {{"up", f.crossing.sector},
                {"levels", {f.crossing.lower_level, f.crossing.lower_level + 1}},
                {axes[0].name(), f.crossing.position},
                {"gap", f.crossing.gap}};
      if (axes.size() > 1) c[axes[1].name()] = f.other;
      crossings.push_back(c);
    }
    j["avoided_crossings"] = crossings;
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::printf("nessie spectrum: %zu points, %zu levels%s\n", grid.size(), level_sectors.size(),
              output.requested() ? (", written to " + common.output).c_str() : "");
  std::printf("\nsmallest gaps between neighbouring levels of a sector (avoided crossings along %s):\n",
              axes[0].name().c_str());
  std::printf("  %4s  %8s  %14s  %14s%s\n", "K", "levels", axes[0].name().c_str(), "gap",
              axes.size() > 1 ? ("  " + axes[1].name()).c_str() : "");
  for (const Found& f : found) {
    std::printf("  %4d  %3d-%-4d  %14.6f  %14.6e", f.crossing.sector, f.crossing.lower_level,
                f.crossing.lower_level + 1, f.crossing.position, f.crossing.gap);
    if (axes.size() > 1) std::printf("  %g", f.other);
    std::printf("\n");
  }
  return 0;
}

}  // namespace nessie::cli
