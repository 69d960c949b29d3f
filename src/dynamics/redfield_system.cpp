#include <nessie/dynamics/redfield_system.hpp>

#include <nessie/util/sin_cos.hpp>

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

namespace {

// The pairs (Re, Im), interleaved in `in`, multiplied by exp(-i omega t) = c - i s: (c re + s im, c im - s re),
// written to re[k Stride] and im[k Stride] (Stride 1: separate vectors; 2: interleaved again).
template <int Stride>
void turn_pairs(const double* __restrict in, const double* __restrict c, const double* __restrict s, Eigen::Index pairs,
                double* __restrict re, double* __restrict im) {
  for (Eigen::Index k = 0; k < pairs; ++k) {
    const double a = in[2 * k], b = in[2 * k + 1];
    re[Stride * k] = c[k] * a + s[k] * b;
    im[Stride * k] = c[k] * b - s[k] * a;
  }
}

// (re[k Stride] + reference, im[k Stride] + reference) multiplied by exp(+i omega t), interleaved into `out`.
template <int Stride>
void turn_pairs_back(const double* __restrict re, const double* __restrict im, const double* __restrict reference,
                     const double* __restrict c, const double* __restrict s, Eigen::Index pairs,
                     double* __restrict out) {
  for (Eigen::Index k = 0; k < pairs; ++k) {
    const double a = re[Stride * k] + reference[2 * k], b = im[Stride * k] + reference[2 * k + 1];
    out[2 * k] = c[k] * a - s[k] * b;
    out[2 * k + 1] = c[k] * b + s[k] * a;
  }
}

}  // namespace

DenseInteractionRedfieldSystem::DenseInteractionRedfieldSystem(const RealLiouvillian& dissipator,
                                                               const InteractionFrame& frame)
    : dissipator_(dissipator),
      reference_(frame.reference()),
      reference_derivative_(dissipator.coordinates().pack(frame.reference_derivative())),
      rotated_(dissipator.coordinates().size()),
      dissipated_(dissipator.coordinates().size()) {
  const int d = frame.dimension();
  const Eigen::VectorXd& e = frame.level_frequencies();
  const Eigen::Index pairs = static_cast<Eigen::Index>(d) * (d - 1) / 2;
  // Padded to whole 8-wide blocks, so that sin_cos runs without a scalar tail (the padding frequencies are 0).
  const Eigen::Index padded = (pairs + 7) / 8 * 8;
  pair_frequencies_ = Eigen::VectorXd::Zero(padded);
  Eigen::Index k = 0;  // HermitianCoordinates order: column n, rows m < n
  for (int n = 1; n < d; ++n)
    for (int m = 0; m < n; ++m) pair_frequencies_[k++] = e[m] - e[n];
  pair_angles_.resize(padded);
  pair_cos_.resize(padded);
  pair_sin_.resize(padded);

  // Real coordinates: the diagonal (0 .. d-1) and Re of pair k (d + 2k); imaginary: Im of pair k (d + 2k + 1).
  const auto a = dissipator.matrix();
  const Eigen::Index reals = d + pairs;
  auto real_position = [d](Eigen::Index i) { return i < d ? i : d + 2 * (i - d); };
  auto imaginary_position = [d](Eigen::Index pair) { return d + 2 * pair + 1; };
  split_ = pairs > 0;
  for (Eigen::Index i = 0; i < reals && split_; ++i)
    for (Eigen::Index j = 0; j < pairs && split_; ++j)
      split_ = a(real_position(i), imaginary_position(j)) == 0.0 && a(imaginary_position(j), real_position(i)) == 0.0;
  if (!split_) return;
  Eigen::MatrixXd real_block(reals, reals), imaginary_block(pairs, pairs);
  for (Eigen::Index j = 0; j < reals; ++j)
    for (Eigen::Index i = 0; i < reals; ++i) real_block(i, j) = a(real_position(i), real_position(j));
  for (Eigen::Index j = 0; j < pairs; ++j)
    for (Eigen::Index i = 0; i < pairs; ++i) imaginary_block(i, j) = a(imaginary_position(i), imaginary_position(j));
  real_block_ = PaddedMatrix(real_block);
  imaginary_block_ = PaddedMatrix(imaginary_block);
  rotated_.resize(reals);
  dissipated_.resize(reals);
  rotated_imaginary_.resize(pairs);
  dissipated_imaginary_.resize(pairs);
}

void DenseInteractionRedfieldSystem::compute_phases(double t) {
  // exp(-i omega_mn t) = cos(omega_mn t) - i sin(omega_mn t), one sine and cosine per pair m < n.
  pair_angles_ = pair_frequencies_ * t;
  sin_cos(pair_angles_.data(), pair_angles_.size(), pair_sin_.data(), pair_cos_.data());
  phases_time_ = t;
  phases_valid_ = true;
}

void DenseInteractionRedfieldSystem::to_lab(const DenseOdeState& x, double t, Eigen::MatrixXcd& rho) {
  if (!(phases_valid_ && t == phases_time_)) compute_phases(t);
  const Eigen::Index d = dissipator_.dimension();
  rho.resize(d, d);
  Eigen::Index k = 0;
  for (Eigen::Index n = 0; n < d; ++n) {
    for (Eigen::Index m = 0; m < n; ++m, ++k) {  // (c - i s)(re + i im)
      const double re = x[d + 2 * k], im = x[d + 2 * k + 1], c = pair_cos_[k], s = pair_sin_[k];
      const Complex value = reference_(m, n) + Complex(c * re + s * im, c * im - s * re);
      rho(m, n) = value;
      rho(n, m) = std::conj(value);
    }
    rho(n, n) = reference_(n, n).real() + x[n];
  }
}

void DenseInteractionRedfieldSystem::operator()(const DenseOdeState& x, DenseOdeState& dxdt, double t) {
  ++evaluations_;
  const Eigen::Index d = dissipator_.dimension();
  const Eigen::Index pairs = d * (d - 1) / 2;
  // dopri5's last two stages are both at the step's end (c6 = c7 = 1), and so is the positivity check after it.
  if (!(phases_valid_ && t == phases_time_)) compute_phases(t);
  const double* const c = pair_cos_.data();
  const double* const s = pair_sin_.data();
  const double* const in = x.data();
  const double* const reference = reference_derivative_.data();
  double* const rotated = rotated_.data();
  double* const dissipated = dissipated_.data();
  dxdt.resize(x.size());
  double* const out = dxdt.data();
  // Phi_t(sigma): the diagonal is unchanged, (Re, Im) of sigma_mn multiplied by exp(-i omega_mn t); then the
  // dissipator, + L[rho_ref], and Phi_t^-1. Split: the real parts (diagonal, Re) and the imaginary parts in separate
  // vectors for the two blocks; otherwise the pairs stay interleaved for the whole matrix.
  for (Eigen::Index m = 0; m < d; ++m) rotated[m] = in[m];
  if (split_) {
    double* const imaginary = rotated_imaginary_.data();
    turn_pairs<1>(in + d, c, s, pairs, rotated + d, imaginary);
    real_block_.multiply(rotated, dissipated);
    imaginary_block_.multiply(imaginary, dissipated_imaginary_.data());
    turn_pairs_back<1>(dissipated + d, dissipated_imaginary_.data(), reference + d, c, s, pairs, out + d);
  } else {
    turn_pairs<2>(in + d, c, s, pairs, rotated + d, rotated + d + 1);
    dissipator_.apply(rotated_, dissipated_);
    turn_pairs_back<2>(dissipated + d, dissipated + d + 1, reference + d, c, s, pairs, out + d);
  }
  for (Eigen::Index m = 0; m < d; ++m) out[m] = dissipated[m] + reference[m];
}

}  // namespace nessie
