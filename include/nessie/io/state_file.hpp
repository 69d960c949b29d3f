#pragma once
// Reading a density matrix back from a nessie HDF5 file (to continue a run: --initial file:PATH).
#include <Eigen/Dense>
#include <string>

namespace nessie::io {

// The state a nessie file ends with, in the product basis: final/rho of a `nessie run` file, else ness/rho.
// IoError when the file cannot be read or holds neither.
Eigen::MatrixXcd read_density_matrix(const std::string& path);

}  // namespace nessie::io
