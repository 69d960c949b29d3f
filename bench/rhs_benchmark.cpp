// Micro-benchmark of the Redfield right-hand side used for time evolution
// (RedfieldGenerator::apply_product_hermitian) against one Eigen complex d x d matrix product (GEMM).
//
//   bench_rhs [--nmin 4] [--nmax 12] [--threads T] [--min-seconds 0.2] [--batches 5]
//
// Model (physics.md, paper fields): ring of N sites, sector K = N/2 (integer division), J = 1, Delta = 2,
// h_2 = 2, h_3 = 1, baths at site 1 (T = 2) and site 3 (T = 1), gamma = 0.01, wc = 10.
//
// Timing: the RHS and the GEMM are timed alternately in the same loop (A B A B ...) so that both see the same
// machine load; each batch repeats an operation until it has run for at least --min-seconds / --batches, and the
// reported time is the best batch mean (best of --batches).
//
// Flop counts (real floating-point operations, multiply and add counted separately):
//   GEMM: a complex d x d product = d^3 complex multiply-adds = 8 d^3 real flops.
//   RHS, per bath b with |up_b| product states having site b up and |down_b| = d - |up_b| down:
//     two real products (|up| x d)(d x 2|down|) and (|down| x d)(d x 2|up|) (real and imaginary parts side by side),
//     2 * 2 * |up| * d * |down| * 2 = 8 |up| d |down| flops  (= 2 d^3 when |up| = |down| = d/2);
//   plus the product H [Re rho | Im rho], counted as sparse: 2 flops per stored entry of H per column,
//   2 * nnz(H) * 2d = 4 nnz(H) d flops (up to d = 256 nessie does it as a dense product, 4 d^3 flops, which is the
//   faster one there; see RedfieldGenerator::dense_hamiltonian_max_dimension). The O(d^2) gathers, scatters and the
//   final C + C^dagger are not counted.
#include <nessie/redfield/open_system.hpp>

#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

using namespace nessie;

namespace {

std::string cpu_model() {
  std::ifstream f("/proc/cpuinfo");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("model name", 0) == 0) {
      const auto p = line.find(':');
      return p == std::string::npos ? line : line.substr(p + 2);
    }
  return "unknown";
}

std::string load_average() {
  std::ifstream f("/proc/loadavg");
  std::string a, b, c;
  f >> a >> b >> c;
  return a + " " + b + " " + c;
}

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

template <class F>
double time_batch(F&& f, double budget) {
  // Repeat f until `budget` seconds have passed (at least once); return the mean time per call.
  int reps = 0;
  const double t0 = now();
  double t = t0;
  do {
    f();
    ++reps;
    t = now();
  } while (t - t0 < budget);
  return (t - t0) / reps;
}

volatile double sink = 0;  // keeps the results alive

}  // namespace

int main(int argc, char** argv) {
  int nmin = 4, nmax = 12, threads = 0, batches = 5;
  double min_seconds = 0.2;
  for (int i = 1; i < argc; ++i) {
    auto next = [&](const char* name) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "bench_rhs: %s needs a value\n", name);
        std::exit(2);
      }
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--nmin")) nmin = std::atoi(next("--nmin"));
    else if (!std::strcmp(argv[i], "--nmax")) nmax = std::atoi(next("--nmax"));
    else if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(next("--threads"));
    else if (!std::strcmp(argv[i], "--batches")) batches = std::max(1, std::atoi(next("--batches")));
    else if (!std::strcmp(argv[i], "--min-seconds")) min_seconds = std::atof(next("--min-seconds"));
    else {
      std::fprintf(stderr,
                   "usage: bench_rhs [--nmin 4] [--nmax 12] [--threads T (0 = Eigen default)] [--min-seconds 0.2] "
                   "[--batches 5]\n");
      return std::strcmp(argv[i], "--help") && std::strcmp(argv[i], "-h") ? 2 : 0;
    }
  }
  if (threads > 0) Eigen::setNbThreads(threads);

  std::printf("machine: nproc %u, CPU '%s', load average %s\n", std::thread::hardware_concurrency(),
              cpu_model().c_str(), load_average().c_str());
#ifdef _OPENMP
  std::printf("Eigen %d.%d.%d, Eigen threads %d (OpenMP max threads %d); SIMD: %s\n", EIGEN_WORLD_VERSION,
              EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION, Eigen::nbThreads(), omp_get_max_threads(),
              Eigen::SimdInstructionSetsInUse());
#else
  std::printf("Eigen %d.%d.%d, Eigen threads %d (no OpenMP); SIMD: %s\n", EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION,
              EIGEN_MINOR_VERSION, Eigen::nbThreads(), Eigen::SimdInstructionSetsInUse());
#endif
  std::printf("model: J = 1, Delta = 2, h_2 = 2, h_3 = 1, K = N/2, baths 1:2 and 3:1 (gamma 0.01, wc 10)\n");
  std::printf("timing: RHS and GEMM alternate; best of %d batches, >= %.3g s per operation in total\n", batches,
              min_seconds);
  std::printf("flops: GEMM 8 d^3; RHS sum_b 8 |up_b| d |down_b| + 4 nnz(H) d (real flops)\n\n");
  std::printf("%3s %2s %5s %7s %11s %11s %9s %10s %10s %12s\n", "N", "K", "d", "nnz(H)", "RHS ms", "GEMM ms",
              "RHS/GEMM", "GEMM GF/s", "RHS GF/s", "RHS flops");

  for (int n = nmin; n <= nmax; ++n) {
    const int k = n / 2;
    OpenSystem sys(Ring(n, 1.0, 2.0, {{2, 2.0}, {3, 1.0}}), k,
                   {Bath(1, 2.0, 0.01, 10.0), Bath(3, 1.0, 0.01, 10.0)});
    const int d = sys.dimension();
    const RedfieldGenerator& gen = sys.generator();

    // Flop count of the RHS.
    double rhs_flops = 4.0 * static_cast<double>(sys.hamiltonian().nonZeros()) * d;
    for (const Bath& b : sys.baths()) {
      double up = 0;
      for (int i = 0; i < d; ++i) up += (sys.basis().state(i) >> (b.site() - 1)) & 1u;
      rhs_flops += 8.0 * up * d * (d - up);
    }
    const double gemm_flops = 8.0 * d * static_cast<double>(d) * d;

    // A Hermitian, trace-one test state (the RHS cost does not depend on the values).
    Eigen::MatrixXcd rho = Eigen::MatrixXcd::Random(d, d);
    rho = (rho + rho.adjoint()).eval();
    rho /= rho.trace();
    Eigen::MatrixXcd drho(d, d);
    Eigen::MatrixXcd a = Eigen::MatrixXcd::Random(d, d), bm = Eigen::MatrixXcd::Random(d, d), c(d, d);

    auto rhs = [&] {
      gen.apply_product_hermitian(rho, drho);
      sink = sink + drho(0, 0).real();
    };
    auto gemm = [&] {
      c.noalias() = a * bm;
      sink = sink + c(0, 0).real();
    };
    rhs();  // warm-up (workspace allocation, caches)
    gemm();
    double t_rhs = 1e300, t_gemm = 1e300;
    const double budget = min_seconds / batches;
    for (int r = 0; r < batches; ++r) {
      t_rhs = std::min(t_rhs, time_batch(rhs, budget));
      t_gemm = std::min(t_gemm, time_batch(gemm, budget));
    }
    std::printf("%3d %2d %5d %7ld %11.4g %11.4g %9.3f %10.2f %10.2f %12.4g\n", n, k, d,
                static_cast<long>(sys.hamiltonian().nonZeros()), t_rhs * 1e3, t_gemm * 1e3, t_rhs / t_gemm,
                gemm_flops / t_gemm / 1e9, rhs_flops / t_rhs / 1e9, rhs_flops);
    std::fflush(stdout);
  }
  return 0;
}
