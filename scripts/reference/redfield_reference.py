#!/usr/bin/python3
"""Independent dense reference for nessie: the Redfield NESS of an XXZ ring coupled to heat baths.

Written from ../../../shared/physics.md (cited below as "physics.md, <section>"), NOT from nessie's C++,
so that nessie's tests can compare against a second implementation. Everything is dense and explicit:

* operators are built in the full 2^N computational basis from Kronecker products of 2x2 Pauli matrices
  (site 1 is the leftmost Kronecker factor, i.e. the most significant bit; bit 0 = spin up, sz = +1);
* a sector with K up spins is selected by an isometry P (2^N x C(N,K)) whose columns are the computational
  basis states with K up spins; every operator used here conserves K, so P^T O P is exact;
* the Redfield generator is assembled as a d^2 x d^2 superoperator in the energy eigenbasis, with
  column-stacking vectorisation vec(A X B) = (B^T kron A) vec(X);
* the steady state is the right singular vector of the smallest singular value, normalised to trace 1.

Module API (used by check_reference_with_qutip.py and compare_ness.py):
    Params, Bath                      -- parameters (defaults = the paper's setup)
    Model(params)                     -- H, bath operators, eigenbasis, generator for one sector (or "all")
    ness(params) -> Ness              -- steady state (per-sector solve and weighting for up="all")
    observables(params) -> dict       -- the JSON object printed by the CLI
    propagate(params, rho0, times)    -- exact rho(t) = expm(L t) rho0 (site basis of the sector)
    liouvillian_spectrum(params)      -- eigenvalues of the generator

CLI:
    redfield_reference.py ness [--json] [--sites N] [--J x] [--delta x] [--field SITE:H ...] [--up K|all]
                               [--bath SITE:T[:GAMMA:CUTOFF] ...] [--gamma x] [--cutoff x]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from typing import Sequence, Tuple, Union

import numpy as np
import scipy.linalg as sla

# --------------------------------------------------------------------------------------------------------
# Pauli matrices (physics.md, "System"). su = (sz + 1)/2 projects on spin up.
# --------------------------------------------------------------------------------------------------------
SX = np.array([[0, 1], [1, 0]], dtype=complex)
SY = np.array([[0, -1j], [1j, 0]], dtype=complex)
SZ = np.array([[1, 0], [0, -1]], dtype=complex)
ID2 = np.eye(2, dtype=complex)
SU = (SZ + ID2) / 2

# Paper's setup (physics.md, "System" and "Baths").
DEFAULT_GAMMA = 0.01
DEFAULT_CUTOFF = 10.0

UpSpec = Union[int, str]  # K = number of up spins, or "all" for the full 2^N space


class ParameterError(ValueError):
    """Invalid model parameters (reported by the CLI as one line, exit code 2)."""


@dataclass(frozen=True)
class Bath:
    """One bosonic bath coupled through S = sz at `site` (physics.md, "Baths")."""

    site: int
    temperature: float
    gamma: float = DEFAULT_GAMMA
    cutoff: float = DEFAULT_CUTOFF

    def spectral_density(self, w):
        """J(w) = gamma w exp(-|w|/wc): the paper's J continued as an odd function of w."""
        w = np.asarray(w, dtype=float)
        return self.gamma * w * np.exp(-np.abs(w) / self.cutoff)

    def rate(self, eps):
        """G(eps) = J(eps) [1 + n(eps)], n(eps) = 1/(exp(eps/T) - 1), with G(0) = gamma T.

        Written as J(eps) / (1 - exp(-eps/T)); for eps < 0 it is evaluated as exp(-|eps|/T) G(|eps|)
        (detailed balance, physics.md "Markovian Redfield equation") so that nothing overflows.
        """
        eps = np.asarray(eps, dtype=float)
        a = np.abs(eps)
        x = a / self.temperature
        with np.errstate(divide="ignore", invalid="ignore"):
            g_pos = self.gamma * a * np.exp(-a / self.cutoff) / (-np.expm1(-x))
        g_pos = np.where(a == 0.0, self.gamma * self.temperature, g_pos)
        return np.where(eps >= 0.0, g_pos, np.exp(-x) * g_pos)


@dataclass(frozen=True)
class Params:
    """Model parameters; the defaults are the paper's setup (physics.md, "System" and "Baths")."""

    sites: int = 4
    J: float = 1.0
    delta: float = 2.0
    fields: Tuple[Tuple[int, float], ...] = ((2, 2.0), (3, 1.0))  # (site, h_site); other sites 0
    up: UpSpec = 2
    baths: Tuple[Bath, ...] = (Bath(1, 2.0), Bath(3, 1.0))

    def __post_init__(self):
        n = self.sites
        if not isinstance(n, int) or n < 3:
            raise ParameterError(f"--sites must be an integer >= 3 (a ring), got {n!r}")
        if n > 12:
            raise ParameterError(f"--sites {n} is too large for this dense reference (max 12)")
        if self.up != "all" and not (isinstance(self.up, int) and 0 <= self.up <= n):
            raise ParameterError(f"--up must be an integer in 0..{n} or 'all', got {self.up!r}")
        seen = set()
        for site, _ in self.fields:
            if not 1 <= site <= n:
                raise ParameterError(f"field site {site} outside 1..{n}")
            if site in seen:
                raise ParameterError(f"field on site {site} given twice")
            seen.add(site)
        if not self.baths:
            raise ParameterError("at least one bath is needed for a unique steady state")
        for b in self.baths:
            if not 1 <= b.site <= n:
                raise ParameterError(f"bath site {b.site} outside 1..{n}")
            if not (b.temperature > 0 and b.gamma > 0 and b.cutoff > 0):
                raise ParameterError(f"bath at site {b.site}: temperature, gamma and cutoff must be > 0")

    def field_at(self, site: int) -> float:
        return dict(self.fields).get(site, 0.0)

    def with_up(self, up: UpSpec) -> "Params":
        return Params(self.sites, self.J, self.delta, self.fields, up, self.baths)

    def sectors(self) -> Sequence[int]:
        return list(range(self.sites + 1)) if self.up == "all" else [self.up]


# --------------------------------------------------------------------------------------------------------
# Operators in the full 2^N space, explicit Kronecker products.
# --------------------------------------------------------------------------------------------------------
def site_op(op: np.ndarray, site: int, n: int) -> np.ndarray:
    """op acting on `site` (1-based), identity elsewhere."""
    out = np.ones((1, 1), dtype=complex)
    for l in range(1, n + 1):
        out = np.kron(out, op if l == site else ID2)
    return out


def nxt(l: int, n: int) -> int:
    """Ring neighbour: site N+1 is site 1."""
    return l % n + 1


def prv(l: int, n: int) -> int:
    return (l - 2) % n + 1


def bond_energy(p: Params, l: int) -> np.ndarray:
    """h_{l,l+1} = J (sx sx + sy sy) + Delta su su + (h_l/2) sz_l + (h_{l+1}/2) sz_{l+1} (physics.md, "Currents")."""
    n, m = p.sites, nxt(l, p.sites)
    op = lambda a, s: site_op(a, s, n)  # noqa: E731
    return (p.J * (op(SX, l) @ op(SX, m) + op(SY, l) @ op(SY, m))
            + p.delta * op(SU, l) @ op(SU, m)
            + 0.5 * p.field_at(l) * op(SZ, l) + 0.5 * p.field_at(m) * op(SZ, m))


def hamiltonian(p: Params) -> np.ndarray:
    """H = sum_l [J (sx sx + sy sy) + Delta su_l su_{l+1}] + sum_l h_l sz_l (physics.md, "System").

    Built term by term, not as the sum of bond energies, so that the two constructions check each other.
    """
    n = p.sites
    h = np.zeros((2 ** n, 2 ** n), dtype=complex)
    for l in range(1, n + 1):
        m = nxt(l, n)
        h += p.J * (site_op(SX, l, n) @ site_op(SX, m, n) + site_op(SY, l, n) @ site_op(SY, m, n))
        h += p.delta * site_op(SU, l, n) @ site_op(SU, m, n)
        h += p.field_at(l) * site_op(SZ, l, n)
    return h


def spin_current_op(p: Params, l: int) -> np.ndarray:
    """j^S_l = J (sx_l sy_{l+1} - sy_l sx_{l+1}) (physics.md, "Currents")."""
    n, m = p.sites, nxt(l, p.sites)
    return p.J * (site_op(SX, l, n) @ site_op(SY, m, n) - site_op(SY, l, n) @ site_op(SX, m, n))


def local_heat_current_op(p: Params, l: int) -> np.ndarray:
    """j_l = i [h_{l-1,l}, h_{l,l+1}] (physics.md, "Currents")."""
    a, b = bond_energy(p, prv(l, p.sites)), bond_energy(p, l)
    return 1j * (a @ b - b @ a)


def up_count(index: int, n: int) -> int:
    """Number of up spins (bit 0) in computational basis state `index`."""
    return n - bin(index).count("1")


def sector_isometry(n: int, up: UpSpec) -> np.ndarray:
    """P: columns are the computational basis states with `up` up spins (identity for "all")."""
    if up == "all":
        return np.eye(2 ** n)
    cols = [i for i in range(2 ** n) if up_count(i, n) == up]
    P = np.zeros((2 ** n, len(cols)))
    P[cols, range(len(cols))] = 1.0
    return P


# --------------------------------------------------------------------------------------------------------
# Redfield generator (physics.md, "Markovian Redfield equation").
# --------------------------------------------------------------------------------------------------------
class Model:
    """H, bath operators and the Redfield generator restricted to one sector (or the full space)."""

    def __init__(self, p: Params):
        self.p = p
        self.P = sector_isometry(p.sites, p.up)
        self.dim = self.P.shape[1]
        self.H = self.restrict(hamiltonian(p))
        self.E, self.V = np.linalg.eigh(self.H)  # ascending energies, H = V diag(E) V^dagger
        # Bath operators S_b = sz_site (site basis) and, in the eigenbasis, S_b and
        # St_b with <m|St|n> = <m|S|n> G(E_n - E_m).
        self.S_site = [self.restrict(site_op(SZ, b.site, p.sites)) for b in p.baths]
        self.S_eig = [self.V.conj().T @ S @ self.V for S in self.S_site]
        bohr = self.E[None, :] - self.E[:, None]  # [m, n] -> E_n - E_m
        self.St_eig = [S * b.rate(bohr) for S, b in zip(self.S_eig, p.baths)]
        self.St_site = [self.V @ St @ self.V.conj().T for St in self.St_eig]

    def restrict(self, op: np.ndarray) -> np.ndarray:
        return self.P.T @ op @ self.P

    # Matrix form of the generator (site basis); used for residuals and heat currents, and as an independent
    # check of the Kronecker-product superoperator below.
    def dissipator(self, rho: np.ndarray, b: int) -> np.ndarray:
        """D_b[rho] = [St rho, S] + [S, rho St^dagger]."""
        S, St = self.S_site[b], self.St_site[b]
        Std = St.conj().T
        return St @ rho @ S - S @ St @ rho + S @ rho @ Std - rho @ Std @ S

    def generator(self, rho: np.ndarray) -> np.ndarray:
        """L[rho] = -i [H, rho] + sum_b D_b[rho]."""
        out = -1j * (self.H @ rho - rho @ self.H)
        for b in range(len(self.p.baths)):
            out += self.dissipator(rho, b)
        return out

    def superoperator(self) -> np.ndarray:
        """d^2 x d^2 matrix of L in the energy eigenbasis, column-stacking vec.

        vec(A X B) = (B^T kron A) vec(X), hence
          -i[H, .]          -> -i (1 kron E - E kron 1)
          St rho S          -> S^T kron St
          S St rho          -> 1 kron (S St)
          S rho St^dagger   -> conj(St) kron S
          rho St^dagger S   -> (St^dagger S)^T kron 1
        """
        d = self.dim
        one = np.eye(d)
        Ed = np.diag(self.E).astype(complex)
        L = -1j * (np.kron(one, Ed) - np.kron(Ed, one))
        for S, St in zip(self.S_eig, self.St_eig):
            Std = St.conj().T
            L += np.kron(S.T, St) - np.kron(one, S @ St) + np.kron(St.conj(), S) - np.kron((Std @ S).T, one)
        return L

    def to_eig(self, rho: np.ndarray) -> np.ndarray:
        return self.V.conj().T @ rho @ self.V

    def to_site(self, rho_eig: np.ndarray) -> np.ndarray:
        return self.V @ rho_eig @ self.V.conj().T


def vec(x: np.ndarray) -> np.ndarray:
    return x.reshape(-1, order="F")


def unvec(v: np.ndarray, d: int) -> np.ndarray:
    return v.reshape((d, d), order="F")


# --------------------------------------------------------------------------------------------------------
# Steady state.
# --------------------------------------------------------------------------------------------------------
@dataclass
class SectorSolution:
    up: int
    rho: np.ndarray          # sector site basis, trace 1
    singular_values: np.ndarray  # two smallest singular values of L: [0] ~ 0, [1] = gap (uniqueness)


@dataclass
class Ness:
    model: Model             # model of the requested sector (full space for up="all")
    rho: np.ndarray          # steady state in the model's site basis
    sectors: Sequence[SectorSolution]

    @property
    def null_gap(self) -> float:
        """Smallest second-smallest singular value over the solved sectors (0 -> NESS not unique)."""
        gaps = [s.singular_values[1] for s in self.sectors if len(s.singular_values) > 1]
        return min(gaps) if gaps else math.inf


def solve_sector(p: Params) -> SectorSolution:
    """Null vector of the sector's superoperator via SVD (smallest singular value), trace 1."""
    m = Model(p)
    _, s, vh = np.linalg.svd(m.superoperator())
    rho_eig = unvec(vh[-1].conj(), m.dim)
    rho_eig = rho_eig / np.trace(rho_eig)
    rho_eig = 0.5 * (rho_eig + rho_eig.conj().T)  # remove round-off anti-Hermitian part
    return SectorSolution(p.up, m.to_site(rho_eig), np.sort(s)[:2])


def ness(p: Params) -> Ness:
    """NESS of the sector p.up; for up="all" the state reached from the maximally mixed state:
    sum_K C(N,K)/2^N rho_NESS^(K) (physics.md, "Facts that make good tests": sector weights are conserved)."""
    model = Model(p)
    if p.up != "all":
        sol = solve_sector(p)
        return Ness(model, sol.rho, [sol])
    n = p.sites
    rho = np.zeros((2 ** n, 2 ** n), dtype=complex)
    sols = []
    for k in range(n + 1):
        sol = solve_sector(p.with_up(k))
        P = sector_isometry(n, k)
        rho += math.comb(n, k) / 2 ** n * (P @ sol.rho @ P.T)
        sols.append(sol)
    return Ness(model, rho, sols)


# --------------------------------------------------------------------------------------------------------
# Observables (physics.md, "Currents" and "Ergotropy").
# --------------------------------------------------------------------------------------------------------
def expect(op: np.ndarray, rho: np.ndarray) -> float:
    return float(np.real(np.trace(op @ rho)))


def ergotropy(rho: np.ndarray, energies: np.ndarray, H: np.ndarray) -> float:
    """Tr(rho H) - sum_k r_k E_k, r descending, E ascending."""
    r = np.sort(np.linalg.eigvalsh(rho))[::-1]
    return expect(H, rho) - float(np.dot(r, np.sort(energies)))


def observables_of(p: Params, sol: Ness) -> dict:
    m, rho = sol.model, sol.rho
    n = p.sites
    restrict = m.restrict
    r = np.linalg.eigvalsh(rho)
    rpos = r[r > 0]
    return {
        "dimension": m.dim,
        "energies": m.E.tolist(),
        # Diagonal of rho in the eigenbasis; basis dependent within degenerate levels (compare group sums).
        "populations": np.real(np.diag(m.to_eig(rho))).tolist(),
        "bath_heat_currents": [
            {"site": b.site, "temperature": b.temperature, "current": expect(m.H, m.dissipator(rho, i))}
            for i, b in enumerate(p.baths)],
        "local_heat_currents": [
            {"site": l, "current": expect(restrict(local_heat_current_op(p, l)), rho)} for l in range(1, n + 1)],
        "spin_currents": [
            {"bond": [l, nxt(l, n)], "current": expect(restrict(spin_current_op(p, l)), rho)}
            for l in range(1, n + 1)],
        "ergotropy": ergotropy(rho, m.E, m.H),
        "energy": expect(m.H, rho),
        "min_eigenvalue": float(r.min()),
        "purity": float(np.real(np.trace(rho @ rho))),
        "von_neumann_entropy": float(-np.sum(rpos * np.log(rpos))),
        "residual": float(np.linalg.norm(m.generator(rho))),
    }


def observables(p: Params) -> dict:
    """The JSON object printed by `redfield_reference.py ness`."""
    return observables_of(p, ness(p))


# --------------------------------------------------------------------------------------------------------
# Dynamics.
# --------------------------------------------------------------------------------------------------------
def site_superoperator(p: Params) -> np.ndarray:
    """L in the (sector) site basis: vec(V X V^dagger) = (conj(V) kron V) vec(X)."""
    m = Model(p)
    U = np.kron(m.V.conj(), m.V)
    return U @ m.superoperator() @ U.conj().T


def propagate(p: Params, rho0: np.ndarray, times: Sequence[float]) -> np.ndarray:
    """Exact rho(t) = expm(L t) rho0 for each t; rho0 and the result are in the sector's site basis
    (computational basis states with p.up up spins, in increasing index order; the full basis for "all").
    Returns an array of shape (len(times), d, d)."""
    m = Model(p)
    L = m.superoperator()
    v0 = vec(m.to_eig(np.asarray(rho0, dtype=complex)))
    return np.array([m.to_site(unvec(sla.expm(L * t) @ v0, m.dim)) for t in times])


def liouvillian_spectrum(p: Params) -> np.ndarray:
    """Eigenvalues of the Redfield generator, sorted by decreasing real part."""
    ev = np.linalg.eigvals(Model(p).superoperator())
    return ev[np.argsort(-ev.real, kind="stable")]


# --------------------------------------------------------------------------------------------------------
# CLI.
# --------------------------------------------------------------------------------------------------------
def parse_field(s: str) -> Tuple[int, float]:
    try:
        site, h = s.split(":")
        return int(site), float(h)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--field expects SITE:H, got {s!r}")


def parse_bath(s: str) -> Tuple[int, float, Union[float, None], Union[float, None]]:
    parts = s.split(":")
    try:
        if len(parts) == 2:
            return int(parts[0]), float(parts[1]), None, None
        if len(parts) == 4:
            return int(parts[0]), float(parts[1]), float(parts[2]), float(parts[3])
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"--bath expects SITE:T or SITE:T:GAMMA:CUTOFF, got {s!r}")


def parse_up(s: str) -> UpSpec:
    if s == "all":
        return "all"
    try:
        return int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--up expects an integer or 'all', got {s!r}")


def add_model_options(ap: argparse.ArgumentParser) -> None:
    d = Params()
    ap.add_argument("--sites", type=int, default=d.sites, help="number of spins N (default 4)")
    ap.add_argument("--J", type=float, default=d.J, help="XX coupling J (default 1)")
    ap.add_argument("--delta", type=float, default=d.delta, help="su-su interaction Delta (default 2)")
    ap.add_argument("--field", type=parse_field, action="append",
                    help="SITE:H, local field h on sz; repeatable; replaces the default h_2=2, h_3=1")
    ap.add_argument("--up", type=parse_up, default=d.up, help="number of up spins K, or 'all' (default 2)")
    ap.add_argument("--bath", type=parse_bath, action="append",
                    help="SITE:T or SITE:T:GAMMA:CUTOFF; repeatable; replaces the default baths 1:2 and 3:1")
    ap.add_argument("--gamma", type=float, default=DEFAULT_GAMMA, help="default bath coupling (0.01)")
    ap.add_argument("--cutoff", type=float, default=DEFAULT_CUTOFF, help="default bath cutoff wc (10)")


def params_from_args(a: argparse.Namespace) -> Params:
    d = Params()
    fields = tuple(a.field) if a.field is not None else d.fields
    if a.bath is None:
        baths = tuple(Bath(b.site, b.temperature, a.gamma, a.cutoff) for b in d.baths)
    else:
        baths = tuple(Bath(s, t, a.gamma if g is None else g, a.cutoff if c is None else c)
                      for s, t, g, c in a.bath)
    return Params(a.sites, a.J, a.delta, fields, a.up, baths)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    ness_ap = sub.add_parser("ness", help="steady state observables as JSON")
    add_model_options(ness_ap)
    # Output is always JSON; --json is accepted so that this script takes nessie's exact command line
    # (compare_ness.py --nessie redfield_reference.py then tests the harness against itself).
    ness_ap.add_argument("--json", action="store_true", help="accepted for compatibility with nessie; no effect")
    a = ap.parse_args(argv)
    try:
        p = params_from_args(a)
    except ParameterError as e:
        print(f"redfield_reference.py: error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(observables(p), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
