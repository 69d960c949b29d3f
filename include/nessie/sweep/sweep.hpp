#pragma once
// A parameter sweep: one independent solve per grid point, spread over threads, with results in grid order.
#include <nessie/sweep/model_spec.hpp>
#include <nessie/sweep/scan_axis.hpp>

#include <atomic>
#include <functional>
#include <vector>

namespace nessie {

// The grid of a sweep: the first axis varies slowest (row-major, like the HDF5 datasets).
class SweepGrid {
 public:
  explicit SweepGrid(std::vector<ScanAxis> axes);
  const std::vector<ScanAxis>& axes() const { return axes_; }
  std::size_t size() const { return size_; }
  std::vector<std::size_t> shape() const;
  // The parameter values of point `index`, one per axis.
  std::vector<double> point(std::size_t index) const;
  // The model of point `index`: `base` with every axis applied.
  ModelSpec model(const ModelSpec& base, std::size_t index) const;
  // The points grouped by their Hamiltonian: points in one group differ only on axes that change the baths, so they
  // share H and its eigenbasis. Groups in the order of their first point, points ascending within a group.
  std::vector<std::vector<std::size_t>> hamiltonian_groups() const;

 private:
  std::vector<ScanAxis> axes_;
  std::vector<std::vector<double>> values_;
  std::size_t size_ = 1;
};

// Runs `solve_point(index)` for every point on `threads` threads (0 = all cores). Each point's result is stored by
// its index, so the output does not depend on the thread count. Stops early (returning false) when `interrupt` is
// set; the first exception thrown by a point is rethrown after the threads have stopped.
bool for_each_point(std::size_t points, int threads, const std::function<void(std::size_t)>& solve_point,
                    const std::atomic<bool>* interrupt = nullptr,
                    const std::function<void(std::size_t done)>& progress = {});

}  // namespace nessie
