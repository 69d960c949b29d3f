// nessie run: time evolution of the Redfield equation, recorded as HDF5 time series, checked against the direct NESS.
#include "command_options.hpp"
#include "commands.hpp"
#include "initial_state_option.hpp"
#include "interrupt.hpp"
#include "json_output.hpp"
#include "model_options.hpp"
#include "output_file.hpp"
#include "progress.hpp"
#include "run_options.hpp"
#include "run_recorder.hpp"

#include <nessie/dynamics/positivity_monitor.hpp>
#include <nessie/dynamics/propagator.hpp>
#include <nessie/dynamics/relaxation_fit.hpp>
#include <nessie/dynamics/run_sample.hpp>
#include <nessie/dynamics/time_grid.hpp>
#include <nessie/errors.hpp>
#include <nessie/io/ness_file.hpp>
#include <nessie/io/run_file.hpp>
#include <nessie/solvers/spectral_gap.hpp>
#include <nessie/solvers/steady_state.hpp>
#include <nessie/util/number_text.hpp>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <thread>

namespace po = boost::program_options;

namespace nessie::cli {

namespace {

double max_difference(const std::vector<double>& a, const std::vector<double>& b) {
  double m = 0;
  for (std::size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

}  // namespace

int run_command(const std::vector<std::string>& args, const std::string& command_line) {
  CommonOptions common;
  ModelOptions model;
  RunOptions run;
  po::options_description description("nessie run: time evolution of the Redfield equation to the steady state\n\nOptions");
  add_model_options(description, model);
  add_integration_options(description, run);
  add_output_time_options(description, run);
  std::string solver;
  add_solver_option(description, solver);
  add_common_options(description, common, "nessie-run.h5");
  parse_command(args, description);
  if (common.help) {
    std::cout << "usage: nessie run [options]\n\n" << description << "\n";
    return 0;
  }

  const std::atomic<bool>& interrupt = install_interrupt_handlers();  // a signal from now on stops the run cleanly

  // Validate everything before any work or any file.
  const ModelSpec spec = make_model_spec(model);

  if (run.log_times != 0 && run.log_times < 2) throw InputError("--log-times", "needs at least 2 times");
  const std::vector<double> times =
      run.log_times ? log_times(run.t_end, run.log_times, run.t_first) : uniform_times(run.t_end, run.dt_out);
  const InitialState initial = parse_initial_state(run.initial);
  if (common.output.empty()) throw InputError("--output", "needs a file name");
  if (common.output != "/dev/null") check_output_path("--output", common.output, common.force);
  const IntegrationSettings settings = integration_settings(run);
  const SteadyStateSolver solver_kind = steady_state_solver_from_name(solver);

  const std::unique_ptr<OpenSystem> built = spec.build();
  const OpenSystem& system = *built;
  configure_eigen_threads(system.dimension());
  Eigen::MatrixXcd rho = initial_density_matrix(system, initial);  // the last HDF5 call before the file's
  // With a second core, HDF5 initialises there while the steady state is solved; the file is created after it.
  const bool threaded = run.threads != 1 && std::thread::hardware_concurrency() > 1;
  struct JoinedThread {
    std::thread thread;
    void join() {
      if (thread.joinable()) thread.join();
    }
    ~JoinedThread() { join(); }
  } hdf5_initialization;
  if (threaded) hdf5_initialization.thread = std::thread(io::initialize_hdf5);
  const SteadyState steady =
      find_steady_state(system.eigenbasis(), system.generator(), sector_weights(system.eigenbasis(), rho), solver_kind,
                        &rho);
  const Observables ness = system.observables().measure(steady.rho);

  // The file is created and its header written by the recording thread, while the integration starts
  // (run_recorder.hpp); the path was checked above.
  std::optional<io::RunFile> file;
  auto open_file = [&]() -> io::RunFile& {
    hdf5_initialization.join();
    io::RunFile& opened = file.emplace(common.output, common.force, system, command_line, run.save_rho, times.size());
    io::Hdf5File& h5 = opened.file();
    h5.set_attribute("parameters", "stepper", stepper_name(settings.stepper));
    h5.set_attribute("parameters", "rhs", run.rhs);
    h5.set_attribute("parameters", "frame", run.frame);
    h5.set_attribute("parameters", "gap", run.gap);
    h5.set_attribute("parameters", "atol", run.atol);
    h5.set_attribute("parameters", "rtol", run.rtol);
    h5.set_attribute("parameters", "initial", run.initial);
    h5.set_attribute("parameters", "t_end", run.t_end);
    h5.set_attribute("parameters", "output_times",
                     run.log_times ? "log:" + std::to_string(run.log_times) : "uniform:" + std::to_string(run.dt_out));
    h5.set_attribute("parameters", "until_steady", run.until_steady);
    h5.set_attribute("parameters", "max_steps", run.max_steps);
    h5.set_attribute("parameters", "positivity", run.positivity);
    io::write_ness_group(h5, system, steady, ness);
    return opened;
  };

  Progress progress(common.quiet);
  // auto: after every step while an eigenvalue problem per step is cheap next to a step (d <= 64), else at outputs.
  const std::string positivity_mode =
      run.positivity == "auto" ? (system.dimension() <= 64 ? "steps" : "outputs") : run.positivity;
  // The samples are measured and written on a second core while the integration goes on (run_recorder.hpp).
  SampleRecorder recorder(system, steady.rho, open_file, progress, run.t_end);
  RecordingThread recording(recorder, threaded, recording_capacity(system.dimension()));
  RunObserver observer(recording, steady.rho, recorder.positivity().threshold(), run.until_steady,
                       positivity_mode == "steps", ness.min_eigenvalue);
  // The spectral gap is needed only for the cross-checks at the end: with a second core it is computed while the
  // integration runs (at d = 20 one dense eigenvalue problem of the 400 x 400 Liouvillian, 0.1 s, 8 % of a run to
  // t = 1000). Either way the result is the same.
  const bool gap_computed = wants_spectral_gap(run, system.dimension());
  std::future<std::optional<SpectralGap>> gap_future;
  if (gap_computed)
    gap_future = std::async(threaded ? std::launch::async : std::launch::deferred,
                            [&system] { return find_spectral_gap(system.eigenbasis(), system.generator()); });
  Propagator propagator(system.generator(), settings, steady.rho);
  SolverStatistics stats;
  // After an I/O failure of the recorder, with its thread stopped.
  auto give_up_file = [&](const std::string& message) {
    progress.done();
    if (!file) return;  // it could not be created
    if (file->write_failed()) {
      file->abandon();  // a write failed half-way: keep what was flushed, touch the file no more
    } else {
      file->finish("failed", message);  // stopped before writing (disk almost full): the file closes cleanly
    }
  };
  try {
    stats = propagator.propagate(rho, times, observer, &interrupt);
    observer.flush();
    recording.finish();
  } catch (const NumericalError& e) {
    if (const std::exception_ptr failure = recording.finish_quietly()) {  // records every sample submitted first
      give_up_file(e.what());
      std::rethrow_exception(failure);  // the recorder's failure is the one reported
    }
    progress.done();
    file->finish("failed", e.what());
    throw;
  } catch (const IoError& e) {
    recording.finish_quietly();
    give_up_file(e.what());
    throw;
  }
  progress.done();
  const double t_final = propagator.stopped_at();
  file->write_final_state(t_final, rho);
  io::Hdf5File& h5 = file->file();

  // Cross-checks against the direct solve.
  const Observables& last = recorder.last().observables;
  const double distance = trace_distance(rho, steady.rho);
  const double bath_diff = max_difference(last.bath_heat_currents, ness.bath_heat_currents);
  const double local_diff = max_difference(last.local_heat_currents, ness.local_heat_currents);
  const double spin_diff = max_difference(last.spin_currents, ness.spin_currents);
  const double ergotropy_diff = std::abs(last.ergotropy - ness.ergotropy);
  const std::optional<RelaxationFit> fit = fit_relaxation_rate(recorder.times(), recorder.distances());
  const std::optional<SpectralGap> gap = gap_computed ? gap_future.get() : std::nullopt;
  const std::string gap_method = gap ? gap->method : (gap_computed ? "none" : "skipped");
  const double gap_rate = gap ? gap->rate : NAN;
  const double fit_rate = fit ? fit->rate : NAN;
  const PositivityMonitor& positivity = recorder.positivity();

  h5.create_group("solver");
  h5.create_group("checks");
  h5.set_attribute("solver", "stepper", stepper_name(settings.stepper));
  h5.set_attribute("solver", "right_hand_side", right_hand_side_name(stats.right_hand_side));
  h5.set_attribute("solver", "frame", frame_name(stats.frame));
  h5.set_attribute("solver", "accepted_steps", stats.accepted_steps);
  h5.set_attribute("solver", "rejected_steps", stats.rejected_steps);
  h5.set_attribute("solver", "rhs_evaluations", stats.rhs_evaluations);
  h5.set_attribute("solver", "wall_seconds", stats.wall_seconds);
  h5.set_attribute("checks", "final_time", t_final);
  h5.set_attribute("checks", "trace_distance_to_ness", distance);
  h5.set_attribute("checks", "bath_heat_current_difference", bath_diff);
  h5.set_attribute("checks", "local_heat_current_difference", local_diff);
  h5.set_attribute("checks", "spin_current_difference", spin_diff);
  h5.set_attribute("checks", "ergotropy_difference", ergotropy_diff);
  h5.set_attribute("checks", "relaxation_rate", fit_rate);
  h5.set_attribute("checks", "spectral_gap", gap_rate);
  h5.set_attribute("checks", "spectral_gap_method", gap_method);
  h5.set_attribute("checks", "undamped_modes", gap ? gap->undamped_modes : 0);
  h5.set_attribute("checks", "relaxation_rate_over_gap", fit_rate / gap_rate);
  h5.set_attribute("checks", "min_eigenvalue", positivity.most_negative());
  h5.set_attribute("checks", "min_eigenvalue_time", positivity.most_negative_time());
  h5.set_attribute("checks", "positivity_threshold", positivity.threshold());
  h5.set_attribute("checks", "first_violation_time", positivity.first_violation().value_or(NAN));
  h5.set_attribute("checks", "violation_duration", positivity.violation_duration());
  h5.set_attribute("checks", "positivity_checked_at", positivity_mode);

  const bool interrupted = propagator.interrupted();
  const std::string status = interrupted ? "interrupted" : "complete";
  file->finish(status, interrupted ? "stopped by signal at t = " + number_text(t_final) : "");

  if (common.json) {
    Json j;
    j["status"] = status;
    j["output"] = common.output;
    j["samples"] = recorder.times().size();
    j["final_time"] = t_final;
    j["reached_until_steady"] = observer.reached_steady();
    j["final"] = observables_json(system, last);
    j["final"]["distance_to_ness"] = distance;
    j["final"]["derivative_norm"] = recorder.last().derivative_norm;
    j["ness"] = observables_json(system, ness);
    j["ness"]["residual"] = steady.residual;
    j["ness"]["solver"] = steady.method;
    j["ness"]["solver_iterations"] = steady.iterations;
    j["ness"]["null_space_dimension"] = steady.null_space_dimension;
    j["checks"] = {{"trace_distance_to_ness", distance},
                   {"bath_heat_current_difference", bath_diff},
                   {"local_heat_current_difference", local_diff},
                   {"spin_current_difference", spin_diff},
                   {"ergotropy_difference", ergotropy_diff},
                   {"relaxation_rate", number_or_null(fit_rate)},
                   {"spectral_gap", number_or_null(gap_rate)},
                   {"spectral_gap_method", gap_method},
                   {"undamped_modes", gap ? gap->undamped_modes : 0},
                   {"relaxation_rate_over_gap", number_or_null(fit_rate / gap_rate)}};
    j["positivity"] = {{"checked_at", positivity_mode},
                       {"threshold", positivity.threshold()},
                       {"min_eigenvalue", positivity.most_negative()},
                       {"min_eigenvalue_time", positivity.most_negative_time()},
                       {"first_violation_time", positivity.first_violation() ? Json(*positivity.first_violation())
                                                                             : Json(nullptr)},
                       {"violation_duration", positivity.violation_duration()}};
    j["solver"] = {{"stepper", stepper_name(settings.stepper)},
                   {"right_hand_side", right_hand_side_name(stats.right_hand_side)},
                   {"frame", frame_name(stats.frame)},
                   {"atol", run.atol},
                   {"rtol", run.rtol},
                   {"accepted_steps", stats.accepted_steps},
                   {"rejected_steps", stats.rejected_steps},
                   {"rhs_evaluations", stats.rhs_evaluations},
                   {"wall_seconds", stats.wall_seconds}};
    j["parameters"] = parameters_json(system);
    std::cout << j.dump(2) << "\n";
  } else {
    std::printf("nessie run: %d spins, %s, dimension %d, initial state %s, %s (atol %g, rtol %g)\n", spec.sites,
                spec.up ? ("K = " + std::to_string(*spec.up)).c_str() : "full space", system.dimension(),
                run.initial.c_str(), stepper_name(settings.stepper).c_str(), run.atol, run.rtol);
    std::printf("%s at t = %g after %zu samples%s; written to %s\n", status.c_str(), t_final, recorder.times().size(),
                observer.reached_steady() ? " (--until-steady reached)" : "", common.output.c_str());
    std::printf("\n%-34s %22s %22s\n", "final state vs direct NESS", "run", "ness");
    for (std::size_t b = 0; b < ness.bath_heat_currents.size(); ++b)
      std::printf("  heat current from bath at site %-3d %+22.12e %+22.12e\n", system.baths()[b].site(),
                  last.bath_heat_currents[b], ness.bath_heat_currents[b]);
    std::printf("  %-32s %+22.12e %+22.12e\n", "spin current (bond 1,2)", last.spin_currents[0], ness.spin_currents[0]);
    std::printf("  %-32s %+22.12e %+22.12e\n", "ergotropy", last.ergotropy, ness.ergotropy);
    std::printf("  %-32s %+22.12e %+22.12e\n", "energy", last.energy, ness.energy);
    std::printf("  direct NESS: %s solve, residual %.3e\n", steady.method.c_str(), steady.residual);
    std::printf("  trace distance to the direct NESS: %.3e (max current difference %.3e)\n", distance,
                std::max({bath_diff, local_diff, spin_diff}));
    std::printf("\nrelaxation: fitted rate %s, spectral gap %s, ratio %s\n",
                fit ? number_text(fit_rate).c_str() : "n/a (fewer than 3 samples between 1e-2 of the initial distance and the noise floor)",
                gap ? number_text(gap_rate).c_str()
                    : (gap_computed ? "n/a" : "not computed (--gap auto skips it above dimension 300; --gap yes)"),
                fit && gap ? number_text(fit_rate / gap_rate).c_str() : "n/a");
    if (gap && gap->undamped_modes > 0)
      std::printf("  (%d undamped eigenmodes of L, |Re lambda| ~ 0, excluded from the gap: coherences the baths do not "
                  "damp)\n", gap->undamped_modes);
    if (positivity.violated())
      std::printf("positivity: VIOLATED (checked at every %s), first at t = %g; most negative eigenvalue %.3e at "
                  "t = %g; non-positive for a total time %g\n",
                  positivity_mode == "steps" ? "step" : "output time", *positivity.first_violation(),
                  positivity.most_negative(), positivity.most_negative_time(), positivity.violation_duration());
    else
      std::printf("positivity: no eigenvalue below %.0e (checked at every %s; smallest %.3e at t = %g)\n",
                  positivity.threshold(), positivity_mode == "steps" ? "step" : "output time", positivity.most_negative(),
                  positivity.most_negative_time());
    std::printf("solver: %ld accepted steps, %ld rejected, %ld right-hand sides (%s, %s frame), %.3f s\n",
                stats.accepted_steps, stats.rejected_steps, stats.rhs_evaluations,
                right_hand_side_name(stats.right_hand_side).c_str(), frame_name(stats.frame).c_str(),
                stats.wall_seconds);
  }
  if (interrupted) {
    std::fprintf(stderr, "nessie run: interrupted at t = %g; %s keeps %zu samples\n", t_final, common.output.c_str(),
                 recorder.times().size());
    return received_signal() == SIGTERM ? exit_sigterm : exit_sigint;
  }
  return 0;
}

}  // namespace nessie::cli
