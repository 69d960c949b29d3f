#!/usr/bin/python3
"""Validate redfield_reference.py against QuTiP 4.7's non-secular Bloch-Redfield solver.

physics.md ("Independent cross-check available here"): QuTiP's spectrum convention is S(w) = 2 G(w), and with
use_secular=False, qutip.bloch_redfield_tensor / qutip.brmesolve implement the same generator. In QuTiP 4.7
(qutip/cy/br_tensor.pyx, _br_term) the tensor element is
    R_ab,cd += A_ac A_db (S(w_ca) + S(w_db))/2 - delta_ac sum_k A_dk A_kb S(w_dk)/2 - delta_bd sum_k A_ak A_kc S(w_ck)/2
with w_xy = E_x - E_y and a_ops = [[A, S], ...], S called with one float frequency.

For each case (the paper's setup and two random configurations in a sector) this compares, in the site basis:
  1. the generator itself (QuTiP's R transformed out of its eigenbasis vs our superoperator),
  2. the steady state (null vector of QuTiP's R vs ours),
  3. a short brmesolve trajectory from a random pure product state vs our expm propagation.
Prints the maximum deviations and exits 1 if any exceeds its tolerance.
"""

import functools
import sys

import numpy as np
import qutip

import redfield_reference as ref

TOL_GENERATOR = 1e-10
TOL_STEADY = 1e-10
TOL_TRAJECTORY = 1e-10


def qutip_tensor(p: ref.Params):
    """QuTiP's non-secular Bloch-Redfield tensor R (in its eigenbasis) and the eigenbasis matrix U."""
    m = ref.Model(p)
    H = qutip.Qobj(m.H)
    # QuTiP calls the spectrum O(d^5) times with the same few Bohr frequencies: memoise it.
    a_ops = [[qutip.Qobj(S), functools.lru_cache(maxsize=None)(lambda w, b=b: 2.0 * float(b.rate(w)))]
             for S, b in zip(m.S_site, p.baths)]
    R, ekets = qutip.bloch_redfield_tensor(H, a_ops, use_secular=False)
    U = np.column_stack([k.full().ravel() for k in ekets])
    return m, H, a_ops, R.full(), U


def random_product_state(n_sites: int, P: np.ndarray, rng) -> np.ndarray:
    """A random pure product state, projected on the sector and renormalised (site basis of the sector)."""
    psi = np.ones(1, dtype=complex)
    for _ in range(n_sites):
        psi = np.kron(psi, rng.normal(size=2) + 1j * rng.normal(size=2))
    psi = P.T @ psi
    psi /= np.linalg.norm(psi)
    return np.outer(psi, psi.conj())


def check_case(name: str, p: ref.Params, rng) -> bool:
    m, H, a_ops, R, U = qutip_tensor(p)
    d = m.dim

    # 1. Generator: bring QuTiP's R to the site basis (column-stacking, like ours).
    W = np.kron(U.conj(), U)
    R_site = W @ R @ W.conj().T
    L_site = ref.site_superoperator(p)
    dev_gen = np.abs(R_site - L_site).max()

    # 2. Steady state: null vector of QuTiP's R, in QuTiP's eigenbasis, back to the site basis.
    _, _, vh = np.linalg.svd(R)
    rho_q = ref.unvec(vh[-1].conj(), d)
    rho_q = U @ (rho_q / np.trace(rho_q)) @ U.conj().T
    rho_ref = ref.ness(p).rho
    dev_ss = np.abs(rho_q - rho_ref).max()

    # 3. Trajectory: brmesolve (zvode, tight tolerances) vs exact expm propagation.
    rho0 = random_product_state(p.sites, m.P, rng)
    times = np.linspace(0.0, 5.0, 11)
    opts = qutip.Options(atol=1e-14, rtol=1e-13, nsteps=10 ** 6)
    res = qutip.brmesolve(H, qutip.Qobj(rho0), times, a_ops=a_ops, use_secular=False, options=opts)
    traj_q = np.array([s.full() for s in res.states])
    traj_ref = ref.propagate(p, rho0, times)
    dev_traj = np.abs(traj_q - traj_ref).max()

    ok = dev_gen <= TOL_GENERATOR and dev_ss <= TOL_STEADY and dev_traj <= TOL_TRAJECTORY
    print(f"{'PASS' if ok else 'FAIL'} {name} (dim {d}): max |R_qutip - L_ref| = {dev_gen:.2e}, "
          f"max |rho_ss diff| = {dev_ss:.2e}, max |rho(t) diff| over t in [0, 5] = {dev_traj:.2e}")
    return ok


def random_params(rng) -> ref.Params:
    """A random configuration in a sector of dimension > 1 whose steady state is unique."""
    while True:
        p = draw_params(rng)
        if ref.ness(p).null_gap > 1e-6:  # else a symmetry beyond K leaves several stationary states
            return p


def draw_params(rng) -> ref.Params:
    n = int(rng.integers(3, 7))
    k = int(rng.integers(1, n))  # a sector with dimension > 1
    field_sites = rng.choice(np.arange(1, n + 1), size=int(rng.integers(1, n + 1)), replace=False)
    bath_sites = rng.choice(np.arange(1, n + 1), size=int(rng.integers(1, 4)) if n > 3 else 2, replace=False)
    return ref.Params(
        sites=n, J=float(rng.uniform(0.5, 1.5)), delta=float(rng.uniform(-1, 3)),
        fields=tuple((int(s), float(rng.uniform(-2, 2))) for s in sorted(field_sites)), up=k,
        baths=tuple(ref.Bath(int(s), float(rng.uniform(0.5, 3)), float(rng.uniform(0.005, 0.05)),
                             float(rng.uniform(5, 20))) for s in bath_sites))


def main() -> int:
    rng = np.random.default_rng(20240601)
    cases = [("paper setup N=4 K=2", ref.Params()), ("paper setup N=4 K=3", ref.Params(up=3))]
    for i in range(2):
        p = random_params(rng)
        cases.append((f"random #{i + 1} {p}", p))
    results = [check_case(name, p, rng) for name, p in cases]
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
