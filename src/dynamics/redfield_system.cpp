#include <nessie/dynamics/redfield_system.hpp>

namespace nessie {

void InteractionRedfieldSystem::operator()(const OdeState& x, OdeState& dxdt, double t) {
  ++evaluations_;
  dxdt.resize(x.size());
  const Eigen::Index d = d_;
  const Eigen::VectorXcd& u = frame_.level_phases(t);
  const Eigen::MatrixXcd& r = frame_.reference_derivative();
  // Hermitian in and out, so each pair (m <= n) is done once: X = Phi_t(sigma) into [Re X | Im X], with
  // exp(-i omega_mn t) = u_m conj(u_n) multiplied out in real arithmetic (std::complex's product checks for NaN).
  auto phase = [&u](Eigen::Index m, Eigen::Index n, double& c, double& s) {
    c = u[m].real() * u[n].real() + u[m].imag() * u[n].imag();
    s = u[m].imag() * u[n].real() - u[m].real() * u[n].imag();
  };
  for (Eigen::Index n = 0; n < d; ++n)
    for (Eigen::Index m = 0; m <= n; ++m) {
      double c, s;
      phase(m, n, c, s);
      const Complex z = x[m + n * d];
      const double re = c * z.real() - s * z.imag(), im = s * z.real() + c * z.imag();
      parts_(m, n) = parts_(n, m) = re;
      parts_(m, d + n) = im;
      parts_(n, d + m) = -im;
    }
  const auto [a_re, a_im] = generator_.dissipator_half(parts_);
  // d sigma_mn/dt = exp(+i omega_mn t) (A + A^dagger + L[rho_ref])_mn, and d sigma_nm/dt its conjugate.
  for (Eigen::Index n = 0; n < d; ++n)
    for (Eigen::Index m = 0; m <= n; ++m) {
      double c, s;
      phase(m, n, c, s);
      const double re = a_re(m, n) + a_re(n, m) + r(m, n).real();
      const double im = a_im(m, n) - a_im(n, m) + r(m, n).imag();
      const Complex value(c * re + s * im, c * im - s * re);
      dxdt[m + n * d] = value;
      dxdt[n + m * d] = std::conj(value);
    }
}

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
  const Eigen::VectorXcd& u = frame_.level_phases(t);
  Eigen::Index pair = 0;  // HermitianCoordinates order: column n, rows m < n
  for (int n = 1; n < d; ++n)
    for (int m = 0; m < n; ++m)  // exp(-i (E_m - E_n) t) = u_m conj(u_n)
      pair_phases_[pair++] = Complex(u[m].real() * u[n].real() + u[m].imag() * u[n].imag(),
                                     u[m].imag() * u[n].real() - u[m].real() * u[n].imag());
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
