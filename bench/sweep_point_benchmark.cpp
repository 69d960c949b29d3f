// Micro-benchmark of one point of `nessie sweep --method ness` on the paper's ring (N = 4, K = 2, d = 6): the time
// of its three stages, with the bath temperatures changing from point to point as along the bias axis of Fig. 3(a)
// and H shared (ClosedSystem), as in the sweep.
//
//   bench_sweep_point [--points 20000] [--rounds 7]
//
// Prints, per round, the mean time per point of: building the open system on the shared closed system (generator,
// observable set), the direct NESS (assembly, LU, solves, residual check), the observables. Stable enough for
// side-by-side comparisons of two builds (run them alternately).
#include <nessie/dynamics/initial_state.hpp>
#include <nessie/solvers/steady_state.hpp>
#include <nessie/sweep/model_spec.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using nessie::ModelSpec;

int main(int argc, char** argv) {
  int points = 20000, rounds = 7;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--points"))
      points = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--rounds"))
      rounds = std::atoi(argv[i + 1]);
  }
  ModelSpec spec;
  spec.fields = {{2, 2.0}, {3, 1.0}};
  spec.up = 2;
  spec.baths = {{1, 2.0, 0.01, 10.0}, {3, 1.0, 0.01, 10.0}};
  const auto closed =
      std::make_shared<const nessie::ClosedSystem>(std::make_shared<const nessie::RingTerms>(4, 2), spec.ring());
  const nessie::InitialState initial;
  double sink = 0;
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
  std::printf("%10s %10s %14s %10s   (us per point, %d points per round)\n", "build", "ness", "observables", "total",
              points);
  for (int round = 0; round < rounds; ++round) {
    double build = 0, ness = 0, observe = 0;
    for (int p = 0; p < points; ++p) {
      const double bias = 2.8 * (p % 201) / 200.0;  // the bias axis of Fig. 3(a) at mean temperature 1.5
      spec.baths[0].temperature = 1.5 + bias / 2;
      spec.baths[1].temperature = 1.5 - bias / 2;
      const auto t0 = Clock::now();
      const auto system = spec.build(closed);
      const auto t1 = Clock::now();
      const Eigen::MatrixXcd rho0 = nessie::initial_density_matrix(*system, initial);
      const nessie::SteadyState steady = nessie::find_steady_state(system->eigenbasis(), system->generator(),
                                                                   nessie::sector_weights(system->eigenbasis(), rho0),
                                                                   nessie::SteadyStateSolver::automatic, &rho0);
      const auto t2 = Clock::now();
      sink += system->observables().measure(steady.rho).ergotropy;
      const auto t3 = Clock::now();
      build += seconds(t0, t1);
      ness += seconds(t1, t2);
      observe += seconds(t2, t3);
    }
    const double scale = 1e6 / points;
    std::printf("%10.2f %10.2f %14.2f %10.2f\n", build * scale, ness * scale, observe * scale,
                (build + ness + observe) * scale);
  }
  return sink == 0.123 ? 1 : 0;  // keeps the work observable
}
