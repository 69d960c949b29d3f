#pragma once
// The results of a sweep as one flat column per quantity, `width` values per point in grid order, filled in place by
// the workers as points finish: nothing per point outlives the point, and the writers take whole columns.
#include <nessie/sweep/point_solvers.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace nessie {

// Leaves new elements uninitialised: a large table is then not written (and its pages not faulted in) by the main
// thread before the workers fill every entry of it, which for the 201 x 201 grid (11 MB) took 8 ms before any work.
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  UninitialisedAllocator() = default;
  template <class U>
  UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

class SweepTable {
 public:
  struct Column {
    std::string name;   // the dataset name in results/ (docs/file-format.md)
    std::size_t width;  // values per point; 0 for a scalar (stored as one value)
    std::vector<double, UninitialisedAllocator<double>> values;  // every entry written by store() before it is read
    // Value i of point `point`.
    double at(std::size_t point, std::size_t i = 0) const {
      return values.at(point * std::max<std::size_t>(width, 1) + i);
    }
  };

  // A table for `points` points of a model with `levels` energy levels, `baths` baths and `sites` sites; `with_run`
  // adds the columns of --method run.
  SweepTable(std::size_t points, std::size_t levels, std::size_t baths, std::size_t sites, bool with_run);

  // Copies the numbers of one point (its own rows only: points may be stored concurrently).
  void store(std::size_t point, const PointResult& result);

  std::size_t points() const { return points_; }
  bool has_run() const { return with_run_; }
  const std::vector<Column>& columns() const { return columns_; }
  // The column `name` (std::out_of_range when there is no such column).
  const Column& column(const std::string& name) const;
  double value(const std::string& name, std::size_t point, std::size_t i = 0) const {
    return column(name).at(point, i);
  }

 private:
  std::size_t points_;
  bool with_run_;
  std::vector<Column> columns_;
};

}  // namespace nessie
