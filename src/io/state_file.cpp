#include <nessie/io/state_file.hpp>

#include <nessie/errors.hpp>
#include <nessie/io/hdf5_file.hpp>
#include <nessie/io/model_record.hpp>

namespace nessie::io {

Eigen::MatrixXcd read_density_matrix(const std::string& path) {
  const Hdf5File file(path, OpenMode::read_only);
  for (const char* name : {"final/rho", "ness/rho"}) {
    if (!file.exists(name)) continue;
    std::vector<hsize_t> shape;
    const std::vector<std::complex<double>> data = file.read_complex_dataset(name, &shape);
    if (shape.size() != 2 || shape[0] != shape[1]) throw IoError(path, std::string(name) + " is not a square matrix");
    return complex_matrix_from_row_major(data, shape[0], shape[1]);
  }
  throw IoError(path, "holds no density matrix (neither final/rho nor ness/rho)");
}

}  // namespace nessie::io
