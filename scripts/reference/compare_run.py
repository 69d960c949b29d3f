#!/usr/bin/python3
"""Cross-check the time evolution of `nessie run` against the independent reference redfield_reference.py.

    compare_run.py --nessie PATH_TO_nessie [--cases 8] [--seed S] [--tol 1e-7] [--keep DIR]

Case 0 is the paper's setup given with NO model options (nessie's defaults, started from udud). The other cases are
random configurations: N in 3..5 mostly and sometimes 6 (always in a sector); K in 1..N-1 or "all" (N <= 4 for
"all", so that the reference superoperator stays <= 256 x 256); J in [0.5, 1.5]; Delta in [-1, 3]; fields in [-2, 2]
on random sites; 1-3 baths on distinct sites with T in [0.5, 3], gamma in [0.005, 0.05], wc in [5, 20] (shared
through --gamma/--cutoff or per bath as SITE:T:GAMMA:CUTOFF); initial state ground, mixed, thermal:T or a product
state of u/d in the sector; t-end in [20, 60] with --dt-out (20..60 outputs) or --log-times (10..40 outputs).
The steppers dopri5, cash-karp54, fehlberg78, bulirsch-stoer are used in turn, in blocks of four cases that
alternate between the frames: cases 0-3, 8-11, ... in the interaction frame (nessie's default) at the DEFAULT
tolerances (atol 1e-10, rtol 1e-8; nessie runs fehlberg78's controller at 1/100 of them, its embedded error estimate
being weak: include/nessie/dynamics/propagator.hpp), cases 4-7, 12-15, ... with --frame lab and --atol 1e-12
--rtol 1e-10 (at the defaults the lab frame's global error exceeds 1e-7 in some cases: docs/performance.md).

nessie runs with --save-rho. The reference propagates the same initial state exactly with the reference's Redfield
superoperator: rho(t_k) = exp(L (t_k - t_{k-1})) rho(t_{k-1}) (scipy expm_multiply, exact up to round-off), and that
trajectory is itself checked against redfield_reference.propagate (dense scipy expm of L t) at every recorded time
for d <= 10 and at two times otherwise. At every recorded time the script compares, with absolute tolerance tol:

  A. nessie's records vs the exact reference: rho (product basis, mapped onto the reference's ordering through
     model/basis_states), energy, bath_heat_currents, local_heat_currents, spin_currents, ergotropy, populations
     (summed over groups of degenerate levels), min_eigenvalue, and also purity, von_neumann_entropy,
     distance_to_ness (trace distance to the reference NESS) and derivative_norm (Frobenius norm of L[rho]);
  B. nessie's records vs the same observables recomputed by the reference functions from nessie's own saved rho
     (plus trace_error and hermiticity_error), i.e. the recorded observables belong to the recorded state;
  C. structure: the output times (vs the --dt-out / --log-times grid), model/energies and model/eigenvectors
     (eigenvectors of the reference H), final/rho = last saved rho, ness/rho vs the reference NESS.

Random draws whose steady state is not unique (second-smallest singular value of a sector generator < 1e-6) are
redrawn. For 'ground' with a degenerate ground level the state is basis dependent: the script then uses nessie's
model/eigenvectors[:, 0] after checking that it lies in the reference ground eigenspace (and says so).

Prints one PASS/FAIL line per case (largest deviation, which quantity and time, command line), then
"N passed, M failed". Exit status: 0 all passed, 1 some failed, 2 nessie could not be run at all.
"""

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np
from scipy.sparse.linalg import expm_multiply

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import redfield_reference as ref  # noqa: E402

STEPPERS = ("dopri5", "cash-karp54", "fehlberg78", "bulirsch-stoer")
DEGENERACY = 1e-7       # energies closer than this (times max(1, |E|)) form one level for the population sums
GROUND_DEGENERACY = 1e-8
MIN_NULL_GAP = 1e-6
LAB_FRAME_OPTIONS = ["--frame", "lab", "--atol", "1e-12", "--rtol", "1e-10"]


def fmt(x: float) -> str:
    return repr(float(x))


# --------------------------------------------------------------------------------------------------------
# Random configurations.
# --------------------------------------------------------------------------------------------------------
def random_model_options(rng: np.random.Generator) -> list:
    r = rng.random()
    n = 3 if r < 0.3 else 4 if r < 0.6 else 5 if r < 0.85 else 6
    if n <= 4 and rng.random() < 0.3:
        up = "all"
    elif n == 6:
        up = str(int(rng.integers(2, 5)))
    else:
        up = str(int(rng.integers(1, n)))
    opts = ["--sites", str(n), "--J", fmt(rng.uniform(0.5, 1.5)), "--delta", fmt(rng.uniform(-1, 3)), "--up", up]
    for site in sorted(rng.choice(np.arange(1, n + 1), size=int(rng.integers(1, n + 1)), replace=False)):
        opts += ["--field", f"{site}:{fmt(rng.uniform(-2, 2))}"]
    per_bath = rng.random() < 0.4
    if not per_bath:
        opts += ["--gamma", fmt(rng.uniform(0.005, 0.05)), "--cutoff", fmt(rng.uniform(5, 20))]
    for site in sorted(rng.choice(np.arange(1, n + 1), size=int(rng.integers(1, 4)), replace=False)):
        spec = f"{site}:{fmt(rng.uniform(0.5, 3))}"
        if per_bath:
            spec += f":{fmt(rng.uniform(0.005, 0.05))}:{fmt(rng.uniform(5, 20))}"
        opts += ["--bath", spec]
    return opts


def random_initial(rng: np.random.Generator, p: ref.Params) -> str:
    kind = rng.choice(["ground", "mixed", "thermal", "product", "product"])
    if kind == "thermal":
        return f"thermal:{round(float(rng.uniform(0.3, 3)), 3)}"
    if kind == "product":
        n = p.sites
        k = int(rng.integers(0, n + 1)) if p.up == "all" else p.up
        ups = set(rng.choice(np.arange(n), size=k, replace=False).tolist())
        return "".join("u" if l in ups else "d" for l in range(n))
    return str(kind)


def random_times(rng: np.random.Generator) -> list:
    t_end = round(float(rng.uniform(20, 60)), 2)
    if rng.random() < 0.5:
        dt = round(t_end / int(rng.integers(20, 61)), 4)
        return ["--t-end", fmt(t_end), "--dt-out", fmt(dt)]
    count = int(rng.integers(10, 41))
    t_first = round(float(rng.uniform(0.005, 0.5)), 4)
    return ["--t-end", fmt(t_end), "--log-times", str(count), "--t-first", fmt(t_first)]


def reference_params(opts: list) -> ref.Params:
    """Parse the model options exactly as the reference CLI does (nessie gets the very same strings)."""
    ap = argparse.ArgumentParser()
    ref.add_model_options(ap)
    a, _ = ap.parse_known_args(opts)
    return ref.params_from_args(a)


def expected_times(opts: list) -> np.ndarray:
    """The output grid that the options ask for (nessie's time_grid rules)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--t-end", type=float, default=1000.0)
    ap.add_argument("--dt-out", type=float, default=1.0)
    ap.add_argument("--log-times", type=int, default=0)
    ap.add_argument("--t-first", type=float, default=0.01)
    a, _ = ap.parse_known_args(opts)
    if a.log_times:
        k = np.arange(a.log_times)
        t = np.concatenate([[0.0], a.t_first * np.exp(math.log(a.t_end / a.t_first) * k / (a.log_times - 1))])
        t[-1] = a.t_end
        return t
    steps = math.floor(a.t_end / a.dt_out * (1 + 1e-12))
    t = [k * a.dt_out for k in range(steps + 1)]
    if a.t_end - t[-1] > 1e-12 * a.t_end:
        t.append(a.t_end)
    else:
        t[-1] = a.t_end
    return np.array(t)


def sector_null_gaps(p: ref.Params) -> list:
    return [ref.solve_sector(p.with_up(k)).singular_values[1]
            for k in p.sectors() if math.comb(p.sites, k) > 1]


# --------------------------------------------------------------------------------------------------------
# Reference side.
# --------------------------------------------------------------------------------------------------------
def reference_index(state: int, n: int) -> int:
    """nessie's bitmask (bit l-1 set = site l up) -> reference full index (site 1 = most significant bit,
    bit value 0 = up)."""
    return sum((0 if (state >> (l - 1)) & 1 else 1) << (n - l) for l in range(1, n + 1))


def product_index(text: str) -> int:
    n = len(text)
    return sum((0 if c == "u" else 1) << (n - l) for l, c in enumerate(text, start=1))


class Reference:
    """Everything the reference needs for one configuration (operators restricted to the sector)."""

    def __init__(self, p: ref.Params):
        self.p = p
        self.m = ref.Model(p)
        self.d = self.m.dim
        self.cols = [int(i) for i in np.nonzero(self.m.P.any(axis=1))[0]]  # full indices of the sector, ascending
        self.position = {f: j for j, f in enumerate(self.cols)}
        n = p.sites
        self.local_ops = [self.m.restrict(ref.local_heat_current_op(p, l)) for l in range(1, n + 1)]
        self.spin_ops = [self.m.restrict(ref.spin_current_op(p, l)) for l in range(1, n + 1)]
        self.groups = level_groups(self.m.E)
        self.L = self.m.superoperator()
        self._ness = None

    def ness_for(self, rho0: np.ndarray) -> np.ndarray:
        """The stationary state reached from rho0: the sector's NESS, or sum_K Tr(P_K rho0) rho_K for 'all'."""
        p = self.p
        if p.up != "all":
            return ref.solve_sector(p).rho
        out = np.zeros((self.d, self.d), dtype=complex)
        for k in range(p.sites + 1):
            P = ref.sector_isometry(p.sites, k)
            w = float(np.real(np.trace(P.T @ rho0 @ P)))
            if w != 0.0:
                out += w * (P @ ref.solve_sector(p.with_up(k)).rho @ P.T)
        return out

    def initial_state(self, text: str, nessie_ground: np.ndarray) -> (np.ndarray, str):
        m, d = self.m, self.d
        if text == "mixed":
            return np.eye(d, dtype=complex) / d, ""
        if text.startswith("thermal:"):
            T = float(text[8:])
            w = np.exp(-(m.E - m.E[0]) / T)
            return m.V @ np.diag(w / w.sum()) @ m.V.conj().T, ""
        if text == "ground":
            if m.E[1] - m.E[0] > GROUND_DEGENERACY * max(1.0, abs(m.E[0])):
                v = m.V[:, 0]
                return np.outer(v, v.conj()), ""
            v = nessie_ground / np.linalg.norm(nessie_ground)
            res = np.linalg.norm(m.H @ v - m.E[0] * v)
            note = f"degenerate ground level: used nessie's ground vector (|H v - E0 v| = {res:.1e})"
            if res > 1e-9:
                raise RuntimeError(f"nessie's ground vector is not a ground state of H: |H v - E0 v| = {res:.2e}")
            return np.outer(v, v.conj()), note
        rho = np.zeros((d, d), dtype=complex)
        j = self.position[product_index(text)]
        rho[j, j] = 1.0
        return rho, ""

    def trajectory(self, rho0: np.ndarray, times: np.ndarray) -> (np.ndarray, float):
        """Exact rho(t_k) by exp(L (t_k - t_{k-1})) steps; returns (states, deviation from ref.propagate)."""
        m, d = self.m, self.d
        v = ref.vec(m.to_eig(rho0))
        out, t_prev = [], 0.0
        for t in times:
            if t > t_prev:
                v = expm_multiply(self.L * (t - t_prev), v)
                t_prev = t
            out.append(m.to_site(ref.unvec(v, d)))
        out = np.array(out)
        # Check the stepping against the reference's own dense-expm propagation.
        idx = list(range(len(times))) if d <= 10 else sorted({min(1, len(times) - 1), len(times) - 1})
        exact = ref.propagate(self.p, rho0, [times[i] for i in idx])
        dev = float(np.max(np.abs(exact - out[idx])))
        return out, dev

    def observables(self, rho: np.ndarray, rho_ness: np.ndarray) -> dict:
        m = self.m
        herm = 0.5 * (rho + rho.conj().T)
        r = np.linalg.eigvalsh(herm)
        rpos = r[r > 0]
        pops = np.real(np.diag(m.to_eig(rho)))
        return {
            "energy": ref.expect(m.H, rho),
            "bath_heat_currents": np.array([ref.expect(m.H, m.dissipator(rho, b)) for b in range(len(self.p.baths))]),
            "local_heat_currents": np.array([ref.expect(o, rho) for o in self.local_ops]),
            "spin_currents": np.array([ref.expect(o, rho) for o in self.spin_ops]),
            "ergotropy": ref.ergotropy(herm, m.E, m.H),
            "populations": group_sums(pops, self.groups),
            "min_eigenvalue": float(r.min()),
            "purity": float(np.sum(r ** 2)),
            "von_neumann_entropy": float(-np.sum(rpos * np.log(rpos))),
            "distance_to_ness": 0.5 * float(np.sum(np.abs(np.linalg.eigvalsh(herm - rho_ness)))),
            "derivative_norm": float(np.linalg.norm(m.generator(rho))),
            "trace_error": abs(float(np.real(np.trace(rho))) - 1.0),
            "hermiticity_error": float(np.linalg.norm(rho - rho.conj().T)),
        }


def level_groups(energies: np.ndarray) -> list:
    groups = [[0]]
    for i in range(1, len(energies)):
        if energies[i] - energies[i - 1] <= DEGENERACY * max(1.0, abs(energies[i])):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def group_sums(pops: np.ndarray, groups: list) -> np.ndarray:
    return np.array([sum(pops[i] for i in g) for g in groups])


# Quantities compared against the exact reference (A) and against the saved rho (B).
EXACT_KEYS = ("energy", "bath_heat_currents", "local_heat_currents", "spin_currents", "ergotropy", "populations",
              "min_eigenvalue", "purity", "von_neumann_entropy", "distance_to_ness", "derivative_norm")
CONSISTENCY_KEYS = EXACT_KEYS + ("trace_error", "hermiticity_error")


# --------------------------------------------------------------------------------------------------------
# Comparison bookkeeping.
# --------------------------------------------------------------------------------------------------------
class Tally:
    def __init__(self, tol: float):
        self.tol = tol
        self.worst = {}      # section -> (dev, label)
        self.problems = []

    def add(self, section: str, label: str, got, want) -> None:
        got, want = np.asarray(got), np.asarray(want)
        if got.shape != want.shape:
            self.problems.append(f"{label}: shape {got.shape} vs reference {want.shape}")
            return
        dev = float(np.max(np.abs(got - want))) if got.size else 0.0
        if not math.isfinite(dev):
            dev = math.inf
        if section not in self.worst or dev > self.worst[section][0]:
            self.worst[section] = (dev, label)
        if dev > self.tol:
            self.problems.append(f"{section}: {label} deviates by {dev:.3e}")

    def fail(self, text: str) -> None:
        self.problems.append(text)

    def summary(self, section: str) -> str:
        dev, label = self.worst.get(section, (0.0, "-"))
        return f"{dev:.2e} ({label})"


def check_case(nessie: str, opts: list, tol: float, workdir: str, case: int) -> (bool, str, list):
    p = reference_params(opts)
    out = os.path.join(workdir, f"case{case}.h5")
    cmd = [nessie, "run", *opts, "--save-rho", "--output", out, "--force", "--quiet", "--json"]
    tally = Tally(tol)
    t0 = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    t_nessie = time.time() - t0
    if proc.returncode != 0:
        return False, f"nessie exit {proc.returncode}: {proc.stderr.strip()[:300]}", cmd
    try:
        summary = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        return False, f"--json output is not JSON ({e})", cmd
    notes = []
    R = Reference(p)
    with h5py.File(out, "r") as f:
        if f.attrs.get("status") != "complete":
            tally.fail(f"status attribute {f.attrs.get('status')!r}")
        if summary.get("status") != "complete":
            tally.fail(f"JSON status {summary.get('status')!r}")
        ts = f["timeseries"]
        times = ts["time"][:]
        rho_n = ts["rho"][:]
        states = [int(s) for s in f["model/basis_states"][:]]
        energies_n = f["model/energies"][:]
        V_n = f["model/eigenvectors"][:]
        final_rho = f["final/rho"][:]
        ness_rho = f["ness/rho"][:]
        rec = {k: ts[k][:] for k in CONSISTENCY_KEYS}

    # C. structure: basis, times, eigenbasis.
    try:
        perm = [R.position[reference_index(s, p.sites)] for s in states]
    except KeyError:
        return False, "model/basis_states contains states outside the sector", cmd
    if sorted(perm) != list(range(R.d)):
        return False, f"model/basis_states is not a permutation of the sector basis ({states})", cmd
    Q = np.zeros((R.d, R.d))
    Q[perm, range(R.d)] = 1.0  # reference ordering <- nessie ordering
    to_ref = lambda a: Q @ a @ Q.T  # noqa: E731

    want_t = expected_times(opts)
    if len(times) != len(want_t):
        tally.fail(f"times: {len(times)} recorded, grid has {len(want_t)}")
        n_t = min(len(times), len(want_t))
    else:
        n_t = len(times)
    tally.add("structure", "time", times[:n_t] / max(1.0, want_t[-1]), want_t[:n_t] / max(1.0, want_t[-1]))
    tally.add("structure", "model/energies", energies_n, R.m.E)
    Vr = Q @ V_n
    tally.add("structure", "model/eigenvectors (H V - V E)", R.m.H @ Vr - Vr * energies_n[None, :], 0 * Vr)
    tally.add("structure", "model/eigenvectors (V^T V - 1)", Vr.conj().T @ Vr, np.eye(R.d))
    tally.add("structure", "final/rho = last timeseries/rho", final_rho, rho_n[-1])

    initial = opts[opts.index("--initial") + 1]
    rho0, note = R.initial_state(initial, Vr[:, 0])
    if note:
        notes.append(note)
    rho_ness = R.ness_for(rho0)
    tally.add("structure", "ness/rho", to_ref(ness_rho), rho_ness)

    t0 = time.time()
    exact, ref_dev = R.trajectory(rho0, times[:n_t])
    t_ref = time.time() - t0
    if ref_dev > 0.01 * tol:
        tally.fail(f"reference self-check: expm_multiply stepping vs ref.propagate differ by {ref_dev:.2e}")

    for k in range(n_t):
        t = times[k]
        rho_k = to_ref(rho_n[k])
        tally.add("exact", f"rho @ t={t:.6g}", rho_k, exact[k])
        want = R.observables(exact[k], rho_ness)
        mine = R.observables(rho_k, rho_ness)
        got = {key: rec[key][k] for key in CONSISTENCY_KEYS}
        got["populations"] = group_sums(got["populations"], R.groups)
        for key in EXACT_KEYS:
            tally.add("exact", f"{key} @ t={t:.6g}", got[key], want[key])
        for key in CONSISTENCY_KEYS:
            tally.add("consistency", f"{key} @ t={t:.6g}", got[key], mine[key])

    detail = (f"exact {tally.summary('exact')}; from saved rho {tally.summary('consistency')}; "
              f"structure {tally.summary('structure')}; d={R.d}, {n_t} times, ref self-check {ref_dev:.1e}, "
              f"nessie {t_nessie:.2f}s, reference {t_ref:.2f}s")
    if notes:
        detail += "; " + "; ".join(notes)
    if tally.problems:
        shown = tally.problems[:6]
        more = len(tally.problems) - len(shown)
        detail += "\n      " + "\n      ".join(shown) + (f"\n      ... {more} more" if more > 0 else "")
    return not tally.problems, detail, cmd


# --------------------------------------------------------------------------------------------------------
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nessie", required=True, help="path to the nessie binary")
    ap.add_argument("--cases", type=int, default=8)
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: random, printed)")
    ap.add_argument("--tol", type=float, default=1e-7, help="absolute tolerance (default 1e-7)")
    ap.add_argument("--keep", help="keep the HDF5 files in this directory")
    a = ap.parse_args()
    if not (os.path.isfile(a.nessie) and os.access(a.nessie, os.X_OK)):
        print(f"compare_run.py: {a.nessie} is not an executable file", file=sys.stderr)
        return 2
    seed = a.seed if a.seed is not None else int(np.random.SeedSequence().entropy % 2 ** 32)
    rng = np.random.default_rng(seed)
    print(f"compare_run.py: seed {seed}, {a.cases} cases, tol {a.tol:g}")
    workdir = a.keep or tempfile.mkdtemp(prefix="compare_run_")
    os.makedirs(workdir, exist_ok=True)
    passed = failed = 0
    start = time.time()
    for case in range(a.cases):
        stepper = STEPPERS[case % len(STEPPERS)]
        frame_options = LAB_FRAME_OPTIONS if (case // len(STEPPERS)) % 2 == 1 else []
        if case == 0:
            model = []  # the paper's setup through nessie's defaults
            p = reference_params(model)
            opts = model + ["--initial", "udud", "--t-end", "40", "--dt-out", "1"]
        else:
            while True:
                model = random_model_options(rng)
                p = reference_params(model)
                gaps = sector_null_gaps(p)
                if not gaps or min(gaps) >= MIN_NULL_GAP:
                    break
                print(f"  (redrawn: steady state not unique, null gap {min(gaps):.1e}: {' '.join(model)})")
            opts = model + ["--initial", random_initial(rng, p)] + random_times(rng)
        opts += ["--stepper", stepper] + frame_options
        try:
            ok, detail, cmd = check_case(a.nessie, opts, a.tol, workdir, case)
        except subprocess.TimeoutExpired:
            ok, detail, cmd = False, "nessie timed out", [a.nessie, "run", *opts]
        except FileNotFoundError as e:
            print(f"compare_run.py: cannot run nessie: {e}", file=sys.stderr)
            return 2
        passed += ok
        failed += not ok
        frame = ("lab" if "lab" in frame_options else "interaction") + ", " + (
            "/".join(frame_options[-3::2]) if frame_options else "defaults")
        print(f"{'PASS' if ok else 'FAIL'} case {case} [{stepper}, {frame}] max dev: {detail}\n      {shlex.join(cmd)}",
              flush=True)
    if not a.keep:
        for name in os.listdir(workdir):
            os.remove(os.path.join(workdir, name))
        os.rmdir(workdir)
    print(f"({time.time() - start:.1f} s)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
