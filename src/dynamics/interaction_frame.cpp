#include <nessie/dynamics/interaction_frame.hpp>

#include <nessie/util/sin_cos.hpp>

#include <cmath>
#include <stdexcept>

namespace nessie {

InteractionFrame::InteractionFrame(const RedfieldGenerator& generator, const Eigen::MatrixXcd& reference) {
  const int d = generator.dimension();
  const Eigen::VectorXd& e = generator.energies();
  level_frequencies_ = e.array() - (d > 0 ? e.mean() : 0.0);
  if (reference.size() == 0) {
    reference_ = Eigen::MatrixXcd::Zero(d, d);
  } else {
    if (reference.rows() != d || reference.cols() != d)
      throw std::logic_error("InteractionFrame: the reference state has the wrong dimension");
    reference_ = reference;
  }
  reference_derivative_ = generator(reference_);
  level_phases_.resize(d);
  angles_.resize(d);
  sines_.resize(d);
  cosines_.resize(d);
  phases_.resize(d, d);
}

const Eigen::VectorXcd& InteractionFrame::level_phases(double t) {
  if (level_phases_valid_ && t == level_phases_time_) return level_phases_;
  const Eigen::Index d = level_frequencies_.size();
  angles_ = level_frequencies_ * t;
  sin_cos(angles_.data(), d, sines_.data(), cosines_.data());
  for (Eigen::Index m = 0; m < d; ++m) level_phases_[m] = Complex(cosines_[m], -sines_[m]);  // exp(-i E_m t)
  level_phases_time_ = t;
  level_phases_valid_ = true;
  return level_phases_;
}

const Eigen::MatrixXcd& InteractionFrame::phases(double t) {
  if (phases_valid_ && t == phases_time_) return phases_;
  const Eigen::VectorXcd& u = level_phases(t);
  const Eigen::Index d = u.size();
  for (Eigen::Index n = 0; n < d; ++n)
    for (Eigen::Index m = 0; m < d; ++m)  // exp(-i (E_m - E_n) t) = u_m conj(u_n), without std::complex's NaN checks
      phases_(m, n) = Complex(u[m].real() * u[n].real() + u[m].imag() * u[n].imag(),
                              u[m].imag() * u[n].real() - u[m].real() * u[n].imag());
  phases_time_ = t;
  phases_valid_ = true;
  return phases_;
}

void InteractionFrame::to_lab(const Eigen::Ref<const Eigen::MatrixXcd>& sigma, double t,
                              Eigen::Ref<Eigen::MatrixXcd> rho) {
  rho = reference_ + phases(t).cwiseProduct(sigma);
}

void InteractionFrame::from_lab(const Eigen::Ref<const Eigen::MatrixXcd>& rho, double t,
                                Eigen::Ref<Eigen::MatrixXcd> sigma) {
  sigma = phases(t).conjugate().cwiseProduct(rho - reference_);
}

}  // namespace nessie
