#pragma once
// The generator made invertible: A(x) = L(x) + sum_K Tr(P_K x) P_K / d_K, with a cheap approximate inverse.
#include <nessie/redfield/eigenbasis.hpp>
#include <nessie/redfield/generator.hpp>

#include <Eigen/Dense>
#include <map>
#include <vector>

namespace nessie {

// L has a zero eigenvalue per sector K whose left eigenvector is Tr(P_K .); the rank-one terms move each of them to 1
// and leave every other eigenvalue of L in place. A x = sum_K w_K P_K / d_K then has the steady state with sector
// weights w_K as its unique solution (Tr(P_K L x) = 0 forces Tr(P_K x) = w_K, and then L x = 0).
// Everything is in the eigenbasis; A maps Hermitian matrices to Hermitian matrices.
class AugmentedGenerator {
 public:
  AugmentedGenerator(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator);

  Eigen::MatrixXcd apply(const Eigen::MatrixXcd& x) const;
  // Approximate inverse (right preconditioner): the coherent part plus the diagonal of the dissipator, element-wise
  // on coherences, and the exact population block (a d x d rate matrix plus the trace terms, LU-factorised once).
  Eigen::MatrixXcd precondition(const Eigen::MatrixXcd& r) const;
  // sum_K w_K P_K / d_K
  Eigen::MatrixXcd right_hand_side(const std::map<int, double>& weights) const;

 private:
  const Eigenbasis& eigenbasis_;
  const RedfieldGenerator& generator_;
  int d_;
  std::vector<double> level_weight_;  // 1 / d_K of each level's sector
  Eigen::MatrixXcd diagonal_;
  Eigen::PartialPivLU<Eigen::MatrixXd> populations_;
};

}  // namespace nessie
