#include <nessie/sweep/sweep.hpp>

#include <exception>
#include <mutex>
#include <omp.h>
#include <thread>

namespace nessie {

SweepGrid::SweepGrid(std::vector<ScanAxis> axes) : axes_(std::move(axes)) {
  for (const ScanAxis& a : axes_) {
    values_.push_back(a.values());
    size_ *= values_.back().size();
  }
}

std::vector<std::size_t> SweepGrid::shape() const {
  std::vector<std::size_t> s;
  for (const auto& v : values_) s.push_back(v.size());
  return s;
}

std::vector<double> SweepGrid::point(std::size_t index) const {
  std::vector<double> p(axes_.size());
  for (std::size_t a = axes_.size(); a-- > 0;) {
    p[a] = values_[a][index % values_[a].size()];
    index /= values_[a].size();
  }
  return p;
}

ModelSpec SweepGrid::model(const ModelSpec& base, std::size_t index) const {
  ModelSpec spec = base;
  const std::vector<double> p = point(index);
  for (std::size_t a = 0; a < axes_.size(); ++a) apply_scan_value(spec, axes_[a], p[a]);
  return spec;
}

std::vector<std::vector<std::size_t>> SweepGrid::hamiltonian_groups() const {
  // A point's group: its mixed-radix index over the axes that change H alone; groups are numbered in the order of
  // their first point.
  std::size_t keys = 1;
  for (std::size_t a = 0; a < axes_.size(); ++a)
    if (axes_[a].changes_hamiltonian()) keys *= values_[a].size();
  std::vector<std::size_t> group_of_key(keys, size_);
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t index = 0; index < size_; ++index) {
    std::size_t key = 0, radix = 1, rest = index;
    for (std::size_t a = axes_.size(); a-- > 0;) {
      const std::size_t n = values_[a].size();
      if (axes_[a].changes_hamiltonian()) {
        key += (rest % n) * radix;
        radix *= n;
      }
      rest /= n;
    }
    if (group_of_key[key] == size_) {
      group_of_key[key] = groups.size();
      groups.emplace_back();
    }
    groups[group_of_key[key]].push_back(index);
  }
  return groups;
}

bool for_each_point(std::size_t points, int threads, const std::function<void(std::size_t)>& solve_point,
                    const std::atomic<bool>* interrupt, const std::function<void(std::size_t)>& progress) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers = std::min<std::size_t>(points, threads > 0 ? static_cast<std::size_t>(threads) : cores);
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mutex;
  auto work = [&]() {
    // Points run in parallel; one thread per point keeps Eigen's OpenMP products from oversubscribing the cores.
    if (workers > 1) omp_set_num_threads(1);
    for (;;) {
      if (failed.load() || (interrupt && interrupt->load())) return;
      const std::size_t index = next.fetch_add(1);
      if (index >= points) return;
      try {
        solve_point(index);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(mutex);
        if (!error) error = std::current_exception();
        failed = true;
        return;
      }
      const std::size_t finished = done.fetch_add(1) + 1;
      if (progress) {
        const std::lock_guard<std::mutex> lock(mutex);
        progress(finished);
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (workers > 1) omp_set_num_threads(static_cast<int>(cores));
  if (error) std::rethrow_exception(error);
  return done.load() == points;
}

}  // namespace nessie
