#include <nessie/dynamics/redfield_system.hpp>

namespace nessie {

DenseInteractionRedfieldSystem::DenseInteractionRedfieldSystem(const RealLiouvillian& dissipator,
                                                               InteractionFrame& frame)
    : dissipator_(dissipator),
      frame_(frame),
      reference_derivative_(dissipator.coordinates().pack(frame.reference_derivative())),
      pair_phases_(static_cast<Eigen::Index>(frame.dimension()) * (frame.dimension() - 1) / 2),
      rotated_(dissipator.coordinates().size()),
      dissipated_(dissipator.coordinates().size()) {}

void DenseInteractionRedfieldSystem::operator()(const DenseOdeState& x, DenseOdeState& dxdt, double t) {
  ++evaluations_;
  const int d = frame_.dimension();
  const Eigen::Index pairs = pair_phases_.size();
  if (!pair_phases_valid_ || t != pair_phases_time_) {
    const Eigen::VectorXcd& u = frame_.level_phases(t);
    Eigen::Index k = 0;  // HermitianCoordinates order: column n, rows m < n
    for (int n = 1; n < d; ++n) {
      const Complex un = std::conj(u[n]);
      for (int m = 0; m < n; ++m) pair_phases_[k++] = u[m] * un;  // exp(-i (E_m - E_n) t)
    }
    pair_phases_time_ = t;
    pair_phases_valid_ = true;
  }
  // Phi_t(sigma): the diagonal is unchanged, (Re, Im) of sigma_mn turn by exp(-i omega_mn t).
  rotated_.head(d) = x.head(d);
  for (Eigen::Index k = 0; k < pairs; ++k) {
    const double re = x[d + 2 * k], im = x[d + 2 * k + 1];
    const double c = pair_phases_[k].real(), s = pair_phases_[k].imag();
    rotated_[d + 2 * k] = c * re - s * im;
    rotated_[d + 2 * k + 1] = s * re + c * im;
  }
  dissipator_.apply(rotated_, dissipated_);
  dissipated_ += reference_derivative_;
  // Phi_t^-1: turn back by exp(+i omega_mn t).
  dxdt.resize(x.size());
  dxdt.head(d) = dissipated_.head(d);
  for (Eigen::Index k = 0; k < pairs; ++k) {
    const double re = dissipated_[d + 2 * k], im = dissipated_[d + 2 * k + 1];
    const double c = pair_phases_[k].real(), s = pair_phases_[k].imag();
    dxdt[d + 2 * k] = c * re + s * im;
    dxdt[d + 2 * k + 1] = c * im - s * re;
  }
}

}  // namespace nessie
