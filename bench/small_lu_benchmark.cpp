// Micro-benchmark of SmallLu (solvers/small_lu.hpp) against Eigen's PartialPivLU (in place, as the direct NESS used
// it before) on random n x n matrices: factorisation and two solves, as the direct NESS does at each sweep point.
//
//   bench_small_lu [--min-seconds 0.2] [--batches 5]
//
// The two are timed alternately (A B A B ...) so that both see the same machine load; each batch repeats an
// operation until it has run for --min-seconds / --batches; the best batch mean is reported.
#include <nessie/solvers/small_lu.hpp>

#include <Eigen/Dense>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

namespace {

double batch_mean(const std::function<void()>& operation, double seconds) {
  long count = 0;
  const auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  do {
    operation();
    ++count;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (elapsed < seconds);
  return elapsed / static_cast<double>(count);
}

}  // namespace

int main(int argc, char** argv) {
  double min_seconds = 0.2;
  int batches = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--min-seconds"))
      min_seconds = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--batches"))
      batches = std::atoi(argv[i + 1]);
  }
  std::printf("%6s %16s %16s %8s %12s\n", "n", "SmallLu us", "PartialPivLU us", "ratio", "|x - x_eigen|");
  for (int n : {16, 36, 64, 100, 144, 196, 256, 400}) {
    const Eigen::MatrixXd a = Eigen::MatrixXd::Random(n, n);
    const Eigen::VectorXd b = Eigen::VectorXd::Random(n), c = Eigen::VectorXd::Random(n);
    nessie::SmallLu small;
    Eigen::MatrixXd work(n, n);
    Eigen::VectorXd x, y;
    double sink = 0;
    auto run_small = [&] {
      small.factorize(a);
      x = small.solve(b);
      y = small.solve(c);
      sink += x[0] + y[0];
    };
    auto run_eigen = [&] {
      work = a;
      const Eigen::PartialPivLU<Eigen::Ref<Eigen::MatrixXd>> lu(work);
      x = lu.solve(b);
      y = lu.solve(c);
      sink += x[0] + y[0];
    };
    double best_small = 1e9, best_eigen = 1e9;
    for (int k = 0; k < batches; ++k) {
      best_small = std::min(best_small, batch_mean(run_small, min_seconds / batches));
      best_eigen = std::min(best_eigen, batch_mean(run_eigen, min_seconds / batches));
    }
    small.factorize(a);
    const double difference = (small.solve(b) - a.partialPivLu().solve(b)).norm();
    std::printf("%6d %16.2f %16.2f %8.2f %12.1e%s\n", n, best_small * 1e6, best_eigen * 1e6, best_eigen / best_small,
                difference, sink == 0.123 ? " " : "");
  }
}
