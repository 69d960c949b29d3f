#pragma once
// The HDF5 file of `nessie sweep` and `nessie spectrum` (layout in docs/file-format.md): one dataset per scanned
// parameter and one per observable, shaped like the grid (plus a trailing dimension for per-site or per-level values).
#include <nessie/io/hdf5_file.hpp>
#include <nessie/sweep/model_spec.hpp>
#include <nessie/sweep/sweep.hpp>
#include <nessie/sweep/sweep_table.hpp>

#include <string>
#include <vector>

namespace nessie::io {

// parameters/ (base model, method), scan/<name> (values per axis), results/<column> for every column of the table.
void write_sweep_file(const std::string& path, const SweepGrid& grid, const ModelSpec& base, const std::string& method,
                      const SweepTable& results, const std::string& command_line);

// parameters/, scan/<name>, results/energies (grid x d, grouped by sector and ascending within each),
// results/level_sectors (d), results/gaps (grid x (d-1)): the gaps between neighbouring levels of the same sector,
// NaN where two neighbours belong to different sectors.
void write_spectrum_file(const std::string& path, const SweepGrid& grid, const ModelSpec& base,
                         const std::vector<Eigen::VectorXd>& energies, const std::vector<int>& level_sectors,
                         const std::string& command_line);

}  // namespace nessie::io
