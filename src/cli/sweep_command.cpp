// nessie sweep: steady states (or time evolutions) over a 1-D or 2-D grid of parameters, in parallel.
#include "command_options.hpp"
#include "commands.hpp"
#include "initial_state_option.hpp"
#include "interrupt.hpp"
#include "json_output.hpp"
#include "model_options.hpp"
#include "output_file.hpp"
#include "progress.hpp"
#include "run_options.hpp"
#include "scan_options.hpp"

#include <nessie/errors.hpp>
#include <nessie/io/sweep_file.hpp>
#include <nessie/model/ring.hpp>
#include <nessie/sweep/point_solvers.hpp>
#include <nessie/sweep/sweep.hpp>
#include <nessie/sweep/sweep_table.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;

namespace nessie::cli {

namespace {

void write_csv(const std::string& path, const SweepGrid& grid, const ModelSpec& base, const SweepTable& results) {
  std::ofstream out(path);
  if (!out) throw IoError(path, "cannot create the CSV file");
  out.precision(17);
  // One column per scanned parameter, then the scalar results and the per-bath, per-site and per-bond values, then
  // the run checks (docs/file-format.md).
  struct Field {
    std::string header;
    const SweepTable::Column& column;
    std::size_t index;
  };
  std::vector<Field> fields;
  for (const char* name : {"energy", "ergotropy", "min_eigenvalue", "purity", "von_neumann_entropy", "residual"})
    fields.push_back({name, results.column(name), 0});
  for (std::size_t b = 0; b < base.baths.size(); ++b)
    fields.push_back(
        {"bath_heat_current_" + std::to_string(base.baths[b].site), results.column("bath_heat_currents"), b});
  for (int l = 1; l <= base.sites; ++l)
    fields.push_back({"local_heat_current_" + std::to_string(l), results.column("local_heat_currents"),
                      static_cast<std::size_t>(l - 1)});
  for (int l = 1; l <= base.sites; ++l)
    fields.push_back({"spin_current_" + std::to_string(l) + "_" + std::to_string(Ring::next_site(l, base.sites)),
                      results.column("spin_currents"), static_cast<std::size_t>(l - 1)});
  if (results.has_run())
    for (const char* name : {"distance_to_ness", "run_min_eigenvalue", "first_violation_time"})
      fields.push_back({name, results.column(name), 0});
  for (const ScanAxis& a : grid.axes()) out << a.name() << ",";
  for (std::size_t f = 0; f < fields.size(); ++f) out << (f ? "," : "") << fields[f].header;
  out << "\n";
  for (std::size_t p = 0; p < grid.size(); ++p) {
    for (double v : grid.point(p)) out << v << ",";
    for (std::size_t f = 0; f < fields.size(); ++f)
      out << (f ? "," : "") << fields[f].column.at(p, fields[f].index);
    out << "\n";
  }
  if (!out.flush()) throw IoError(path, "write failed");
}

}  // namespace

int sweep_command(const std::vector<std::string>& args, const std::string& command_line) {
  CommonOptions common;
  ModelOptions model;
  RunOptions run;
  std::vector<std::string> scans;
  std::string method = "ness";
  int threads = 0;
  std::string csv;
  po::options_description description(
      "nessie sweep: steady states over a grid of parameters (one or two --scan)\n\nOptions");
  add_model_options(description, model);
  description.add_options()
      ("scan", po::value(&scans)->composing(),
       "NAME=START:STOP:COUNT, once or twice (a 2-D grid); NAME: delta, J, gamma, cutoff, field:SITE, temp:SITE, "
       "bias, mean (bias = T_1 - T_2 and mean = (T_1 + T_2)/2 of the first two baths)")
      ("method", po::value(&method)->default_value(method),
       "ness: direct steady state at each point; run: time evolution from --initial to --t-end at each point")
      ("threads", po::value(&threads)->default_value(threads), "worker threads (0 = all cores); results do not depend on it")
      ("csv", po::value(&csv), "also write one CSV row per point to this file");
  std::string solver;
  add_solver_option(description, solver);
  add_integration_options(description, run);
  add_common_options(description, common, "nessie-sweep.h5");
  parse_command(args, description);
  if (common.help) {
    std::cout << "usage: nessie sweep --scan NAME=START:STOP:COUNT [--scan ...] [options]\n\n" << description << "\n";
    return 0;
  }

  const ModelSpec base = make_model_spec(model);
  const std::vector<ScanAxis> axes = parse_scans(scans, base);
  if (method != "ness" && method != "run") throw InputError("--method", "expected ness or run, got '" + method + "'");
  if (threads < 0) throw InputError("--threads", "must be >= 0");
  const IntegrationSettings settings = integration_settings(run);
  const InitialState initial = parse_initial_state(run.initial);
  const SteadyStateSolver solver_kind = steady_state_solver_from_name(solver);
  OutputFile output(common.output, common.force);
  OutputFile csv_output(csv, common.force, "--csv");

  const SweepGrid grid(axes);
  // A scan changes couplings, fields and baths but not the ring's size or sector: the operators are built once, and
  // H is diagonalised once per group of points that differ only in their baths.
  const auto terms = std::make_shared<const RingTerms>(base.sites, base.up);
  const std::vector<std::vector<std::size_t>> groups = grid.hamiltonian_groups();
  const int levels = terms->basis().dimension();
  SweepTable results(grid.size(), static_cast<std::size_t>(levels), base.baths.size(),
                     static_cast<std::size_t>(base.sites), method == "run");
  std::vector<Json> point_json(common.json ? grid.size() : 0);
  Progress progress(common.quiet);
  const auto start = std::chrono::steady_clock::now();
  const std::atomic<bool>& interrupt = install_interrupt_handlers();
  const bool complete = for_each_point(
      groups.size(), threads,
      [&](std::size_t g) {
        const std::vector<std::size_t>& group = groups[g];
        const auto closed = std::make_shared<const ClosedSystem>(terms, grid.model(base, group.front()).ring());
        for (std::size_t p : group) {
          const std::unique_ptr<OpenSystem> system = grid.model(base, p).build(closed);
          const PointResult result = method == "ness"
                                         ? solve_point_ness(*system, initial, solver_kind)
                                         : solve_point_run(*system, initial, run.t_end, settings, solver_kind);
          results.store(p, result);
          if (common.json) {
            Json j;
            const std::vector<double> values = grid.point(p);
            for (std::size_t a = 0; a < axes.size(); ++a) j[axes[a].name()] = values[a];
            const Json fields = ness_json(*system, result.steady, result.observables);
            for (const auto& [key, value] : fields.items()) j[key] = value;
            if (result.run)
              j["run"] = {{"distance_to_ness", result.run->distance_to_ness},
                          {"min_eigenvalue", result.run->min_eigenvalue_seen},
                          {"first_violation_time", number_or_null(result.run->first_violation_time)},
                          {"accepted_steps", result.run->accepted_steps}};
            point_json[p] = std::move(j);
          }
        }
      },
      &interrupt,
      [&](std::size_t done) {
        progress.update(static_cast<double>(done) / static_cast<double>(groups.size()),
                        std::to_string(done) + " of " + std::to_string(groups.size()) +
                            (groups.size() == grid.size() ? " points" : " groups of points"));
      });
  progress.done();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!complete) {
    std::fprintf(stderr, "nessie sweep: interrupted; no output written\n");
    return received_signal() == SIGTERM ? exit_sigterm : exit_sigint;
  }

  if (output.requested()) {
    io::write_sweep_file(output.temporary_path(), grid, base, method, results, command_line);
    output.commit();
  }
  if (csv_output.requested()) {
    write_csv(csv_output.temporary_path(), grid, base, results);
    csv_output.commit();
  }
  if (common.json) {
    Json j;
    j["scan"] = Json::object();
    for (const ScanAxis& a : axes) j["scan"][a.name()] = a.values();
    j["method"] = method;
    j["points"] = std::move(point_json);
    j["seconds"] = seconds;
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::printf("nessie sweep: %zu points (%s) in %.3f s", grid.size(), method.c_str(), seconds);
  if (output.requested()) std::printf(", written to %s", common.output.c_str());
  std::printf("\n");
  if (axes.size() == 1) {
    std::printf("\n%12s", axes[0].name().c_str());
    for (const BathSpec& b : base.baths) std::printf("   j_bath(site %d)", b.site);
    std::printf("   spin current     ergotropy        min eigenvalue\n");
    for (std::size_t p = 0; p < grid.size(); ++p) {
      std::printf("%12.6g", grid.point(p)[0]);
      for (std::size_t b = 0; b < base.baths.size(); ++b)
        std::printf("  %+.9e", results.value("bath_heat_currents", p, b));
      std::printf("  %+.9e  %+.9e  %+.9e\n", results.value("spin_currents", p), results.value("ergotropy", p),
                  results.value("min_eigenvalue", p));
    }
  }
  return 0;
}

}  // namespace nessie::cli
