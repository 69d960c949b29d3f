#pragma once
// What every nessie HDF5 file records about the model: the `parameters` group and the `model` group (docs/file-format.md).
#include <nessie/io/hdf5_file.hpp>
#include <nessie/redfield/open_system.hpp>
#include <nessie/observables/observables.hpp>

#include <Eigen/Dense>
#include <complex>
#include <string>
#include <vector>

namespace nessie::io {

// parameters/ attributes (sites, J, delta, fields, up, bath_*, nessie_version, command_line) and
// model/ datasets (basis_states, energies, eigenvectors, level_sectors).
void write_model_record(Hdf5File& file, const OpenSystem& system, const std::string& command_line);
// parameters/ alone, for files that span many models (sweeps: the base model).
void write_parameters(Hdf5File& file, const Ring& ring, std::optional<int> up, const std::vector<Bath>& baths,
                      const std::string& command_line);

// `group`/<observable> datasets and attributes for one state (the keys of `nessie ness --json`).
void write_observables(Hdf5File& file, const std::string& group, const Observables& observables);

// Eigen matrices as row-major data for HDF5 (so that h5py's m[i, j] is the matrix element (i, j)).
std::vector<double> row_major(const Eigen::MatrixXd& m);
std::vector<std::complex<double>> row_major(const Eigen::MatrixXcd& m);
Eigen::MatrixXcd complex_matrix_from_row_major(const std::vector<std::complex<double>>& data, hsize_t rows, hsize_t cols);

}  // namespace nessie::io
