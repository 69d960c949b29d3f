#pragma once
// Initial density matrices for time evolution (and for choosing among several stationary states in the full space).
#include <nessie/redfield/open_system.hpp>

#include <Eigen/Dense>
#include <string>

namespace nessie {

// Which initial state: parsed from the command line by the CLI, built here.
struct InitialState {
  enum class Kind { ground, mixed, thermal, product, matrix };
  Kind kind = Kind::mixed;
  double temperature = 0;          // thermal
  std::string product;             // product: 'u'/'d' per site, site 1 first
  Eigen::MatrixXcd product_basis;  // matrix: a density matrix in the product basis (e.g. read from a file)
};

// The initial state as a density matrix in the eigenbasis of `system`. Throws InputError (option "--initial") when
// the state does not fit the system (wrong length, outside the sector, wrong dimension, not a density matrix).
Eigen::MatrixXcd initial_density_matrix(const OpenSystem& system, const InitialState& state);

}  // namespace nessie
