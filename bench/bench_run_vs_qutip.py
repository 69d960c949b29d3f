#!/usr/bin/python3
"""Benchmark `nessie run` against QuTiP 4.7's non-secular Bloch-Redfield solver (brmesolve).

    bench_run_vs_qutip.py [--nessie PATH] [--repeat 3] [--problems n4k2,n6k3]

Problems (physics.md: J = 1, Delta = 2, h_2 = 2, h_3 = 1, baths S = sz at site 1 (T = 2) and site 3 (T = 1),
gamma = 0.01, wc = 10):
  n4k2  the paper's ring, N = 4, K = 2 (d = 6), from udud, t = 0..1000 with 1001 output times;
  n6k3  N = 6, K = 3 (d = 20), same fields and baths, from ududud, t = 0..1000 with 1001 output times.
Both codes use atol = 1e-10, rtol = 1e-8.

nessie: `nessie run --initial ... --t-end 1000 --dt-out 1 --atol 1e-10 --rtol 1e-8 --quiet --json --force
--output /tmp/...`, wall time of the whole process (start-up, eigenbasis, direct NESS, integration with nessie's
default per-step positivity check, observables and HDF5 output at every time), best of --repeat; also with
`--positivity outputs` (eigenvalue check only at the output times) in the last column.

QuTiP: H and the bath operators sz_1, sz_3 are built with qutip.tensor/sigmax/sigmay/sigmaz in the full 2^N space
(site 1 = first tensor factor, basis(2, 0) = up) and restricted to the sector; the spectrum is a plain Python
function S(w) = 2 G(w), G(eps) = J(eps) [1 + n(eps)], J(w) = gamma w exp(-|w|/wc), G(0) = gamma T, memoised with
functools.lru_cache (QuTiP's tensor code calls it O(d^4) times with the same few Bohr frequencies). A Python-function
spectrum takes the bloch_redfield_tensor + zvode path: no Cython code generation/compilation (string spectra
would compile). Then brmesolve(H, rho0, tlist, a_ops=[[S_b, spectrum_b], ...], use_secular=False,
options=Options(atol=1e-10, rtol=1e-8, nsteps=10**7)). Timed: building H and a_ops + brmesolve (which includes the
Bloch-Redfield tensor construction; the tensor time is also measured separately). The first call is reported
separately (first-call overheads); the table uses the best of the --repeat calls after it.

Agreement: nessie's final/rho (product basis, mapped through model/basis_states) vs QuTiP's final state, as trace
distance and max |entry|; both also vs the exact reference rho(1000) = expm(L 1000) rho0 from
scripts/reference/redfield_reference.py, and the energy <H>(t) over all 1001 times (nessie's timeseries/energy vs
Tr(H rho_qutip(t))).
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "scripts", "reference"))
import bench_common as bc  # noqa: E402
import redfield_reference as ref  # noqa: E402  (only for the exact expm cross-check, not for QuTiP's model)

T_END = 1000.0
ATOL, RTOL = 1e-10, 1e-8

PROBLEMS = {
    "n4k2": dict(label="paper ring N=4 K=2 (d=6), udud", sites=4, up=2, initial="udud", options=[]),
    "n6k3": dict(label="N=6 K=3 (d=20), ududud", sites=6, up=3, initial="ududud",
                 options=["--sites", "6", "--up", "3"]),
}


# --------------------------------------------------------------------------------------------------------
# nessie.
# --------------------------------------------------------------------------------------------------------
def run_nessie(nessie: str, prob: dict, repeat: int, workdir: str, name: str, extra=()):
    out = os.path.join(workdir, f"bench_{name}.h5")
    cmd = [nessie, "run", *prob["options"], *extra, "--initial", prob["initial"], "--t-end", "1000", "--dt-out", "1",
           "--atol", repr(ATOL), "--rtol", repr(RTOL), "--quiet", "--json", "--force", "--output", out]
    times, summary = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise RuntimeError(f"nessie failed (exit {proc.returncode}): {proc.stderr.strip()}\n{' '.join(cmd)}")
        summary = json.loads(proc.stdout)
    with h5py.File(out, "r") as f:
        states = [int(s) for s in f["model/basis_states"][:]]
        rho = f["final/rho"][:]
        energy = f["timeseries/energy"][:]
        t = f["timeseries/time"][:]
    return dict(seconds=min(times), all_seconds=times, states=states, rho=rho, energy=energy, times=t,
                summary=summary, cmd=cmd)


def nessie_to_sector_order(states, rho, n, cols):
    """nessie product basis (bit l-1 set = site l up) -> QuTiP/reference ordering (site 1 = most significant
    tensor factor, bit value 0 = up), restricted to the sector columns `cols` (ascending full indices)."""
    pos = {c: j for j, c in enumerate(cols)}
    perm = [pos[sum((0 if (s >> (l - 1)) & 1 else 1) << (n - l) for l in range(1, n + 1))] for s in states]
    Q = np.zeros((len(cols), len(cols)))
    Q[perm, range(len(cols))] = 1.0
    return Q @ rho @ Q.T


# --------------------------------------------------------------------------------------------------------
# QuTiP.
# --------------------------------------------------------------------------------------------------------
def build_qutip_problem(qutip, n: int, up: int, initial: str):
    """H, a_ops (bench_common.qutip_problem: the paper's model with QuTiP's own operators) and the product state
    rho0 in the sector."""
    Hs, a_ops, cols = bc.qutip_problem(qutip, n, up)
    full_index = sum((0 if c == "u" else 1) << (n - l) for l, c in enumerate(initial, start=1))
    rho0 = np.zeros((len(cols), len(cols)), dtype=complex)
    j = cols.index(full_index)
    rho0[j, j] = 1.0
    return Hs, a_ops, qutip.Qobj(rho0), cols


def run_qutip(qutip, prob: dict, tlist: np.ndarray):
    t0 = time.perf_counter()
    H, a_ops, rho0, cols = build_qutip_problem(qutip, prob["sites"], prob["up"], prob["initial"])
    t_build = time.perf_counter() - t0
    opts = qutip.Options(atol=ATOL, rtol=RTOL, nsteps=10 ** 7)
    res = qutip.brmesolve(H, rho0, tlist, a_ops=a_ops, use_secular=False, options=opts)
    total = time.perf_counter() - t0
    return dict(seconds=total, build=t_build, states=res.states, H=H, cols=cols, a_ops=a_ops)


def qutip_tensor_seconds(qutip, prob: dict) -> float:
    H, a_ops, _, _ = build_qutip_problem(qutip, prob["sites"], prob["up"], prob["initial"])
    t0 = time.perf_counter()
    qutip.bloch_redfield_tensor(H, a_ops, use_secular=False)
    return time.perf_counter() - t0


# --------------------------------------------------------------------------------------------------------
def trace_distance(a, b) -> float:
    d = a - b
    return 0.5 * float(np.sum(np.abs(np.linalg.eigvalsh(0.5 * (d + d.conj().T)))))


def exact_final(prob: dict) -> np.ndarray:
    p = ref.Params(sites=prob["sites"], up=prob["up"])  # defaults = the paper's J, Delta, fields, baths
    m = ref.Model(p)
    n = prob["sites"]
    idx = sum((0 if c == "u" else 1) << (n - l) for l, c in enumerate(prob["initial"], start=1))
    cols = [int(i) for i in np.nonzero(m.P.any(axis=1))[0]]
    rho0 = np.zeros((m.dim, m.dim), dtype=complex)
    j = cols.index(idx)
    rho0[j, j] = 1.0
    return ref.propagate(p, rho0, [T_END])[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nessie", default=os.path.join(HERE, "..", "build", "nessie"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--problems", default="n4k2,n6k3", help="comma-separated subset of " + ",".join(PROBLEMS))
    a = ap.parse_args()
    names = [x for x in a.problems.split(",") if x]
    for x in names:
        if x not in PROBLEMS:
            ap.error(f"unknown problem {x!r}")

    print(f"machine: {bc.machine()}")
    t0 = time.perf_counter()
    import qutip  # noqa: E402
    t_import = time.perf_counter() - t0
    print(f"QuTiP {qutip.__version__} (import {t_import:.2f} s, not counted), numpy {np.__version__}, "
          f"nessie {os.path.realpath(a.nessie)}")
    print("QuTiP spectrum: Python function S(w) = 2 G(w) (math, functools.lru_cache) -> bloch_redfield_tensor + zvode "
          "(method 'adams'); no Cython compilation")
    print(f"tolerances atol {ATOL:g}, rtol {RTOL:g}; t = 0..{T_END:g}, 1001 output times; best of {a.repeat}\n")

    tlist = np.linspace(0.0, T_END, 1001)
    workdir = tempfile.mkdtemp(prefix="bench_run_vs_qutip_")
    rows = []
    for name in names:
        prob = PROBLEMS[name]
        nes = run_nessie(a.nessie, prob, a.repeat, workdir, name)
        nes_out = run_nessie(a.nessie, prob, a.repeat, workdir, name + "_outputs", ["--positivity", "outputs"])
        first = run_qutip(qutip, prob, tlist)
        runs = [run_qutip(qutip, prob, tlist) for _ in range(a.repeat)]
        best = min(runs, key=lambda r: r["seconds"])
        t_tensor = min(qutip_tensor_seconds(qutip, prob) for _ in range(max(1, min(a.repeat, 2))))

        cols = best["cols"]
        rho_n = nessie_to_sector_order(nes["states"], nes["rho"], prob["sites"], cols)
        rho_q = best["states"][-1].full()
        rho_x = exact_final(prob)
        Hq = best["H"].full()
        e_q = np.array([np.real(np.trace(Hq @ s.full())) for s in best["states"]])
        same_times = len(nes["times"]) == len(tlist) and np.allclose(nes["times"], tlist, rtol=0, atol=1e-9)
        e_dev = float(np.max(np.abs(nes["energy"] - e_q))) if same_times else math.nan

        row = dict(
            name=name, label=prob["label"], nessie=nes["seconds"], nessie_all=nes["all_seconds"],
            nessie_outputs=nes_out["seconds"],
            nessie_solver=nes["summary"]["solver"], qutip=best["seconds"], qutip_all=[r["seconds"] for r in runs],
            qutip_first=first["seconds"], qutip_build=best["build"], qutip_tensor=t_tensor,
            td_nq=trace_distance(rho_n, rho_q), max_nq=float(np.max(np.abs(rho_n - rho_q))),
            td_nx=trace_distance(rho_n, rho_x), td_qx=trace_distance(rho_q, rho_x), e_dev=e_dev)
        rows.append(row)
        print(f"{name}: {prob['label']}")
        print(f"  nessie: {' '.join(nes['cmd'])}")
        print(f"    wall {', '.join(f'{s:.3f}' for s in nes['all_seconds'])} s; solver {row['nessie_solver']}")
        print(f"    with --positivity outputs (eigenvalues only at the 1001 output times): wall "
              f"{', '.join(f'{s:.3f}' for s in nes_out['all_seconds'])} s")
        print(f"  qutip: first call {row['qutip_first']:.3f} s; then {', '.join(f'{s:.3f}' for s in row['qutip_all'])} s"
              f" (H/a_ops build {row['qutip_build']:.3f} s, bloch_redfield_tensor alone {t_tensor:.3f} s)")
        print(f"  final state: trace distance nessie-qutip {row['td_nq']:.2e}, max |entry| {row['max_nq']:.2e}; "
              f"vs exact expm: nessie {row['td_nx']:.2e}, qutip {row['td_qx']:.2e}; "
              f"max |<H>(t) nessie - qutip| over 1001 times {row['e_dev']:.2e}\n", flush=True)

    hdr = ("problem", "nessie s", "qutip s", "qutip/nessie", "qutip 1st call s", "qutip tensor s",
           "final TD nessie-qutip", "max abs drho", "TD nessie-exact", "TD qutip-exact", "max abs dE(t)",
           "nessie s (--positivity outputs)")
    fmt_row = lambda r: (r["label"], f"{r['nessie']:.3f}", f"{r['qutip']:.3f}", f"{r['qutip'] / r['nessie']:.1f}",  # noqa: E731
                         f"{r['qutip_first']:.3f}", f"{r['qutip_tensor']:.3f}", f"{r['td_nq']:.1e}",
                         f"{r['max_nq']:.1e}", f"{r['td_nx']:.1e}", f"{r['td_qx']:.1e}", f"{r['e_dev']:.1e}",
                         f"{r['nessie_outputs']:.3f}")
    table = [hdr] + [fmt_row(r) for r in rows]
    widths = [max(len(t[i]) for t in table) for i in range(len(hdr))]
    print("  ".join(h.ljust(w) for h, w in zip(hdr, widths)))
    for t in table[1:]:
        print("  ".join(c.ljust(w) for c, w in zip(t, widths)))

    print("\nMarkdown (for docs/performance.md):\n")
    print(f"Machine: {bc.machine()}; QuTiP {qutip.__version__}; atol {ATOL:g}, rtol {RTOL:g}; t = 0..1000, 1001 outputs; "
          f"wall time of the whole `nessie run` process vs QuTiP `brmesolve` (H/a_ops construction + Bloch-Redfield "
          f"tensor + zvode), best of {a.repeat} (last column: nessie with `--positivity outputs` instead of its default "
          f"eigenvalue check after every step); QuTiP spectrum as a memoised Python function (no compilation). "
          f"TD = trace distance of the final states (t = 1000); exact = expm of the reference generator.\n")
    print("| " + " | ".join(hdr) + " |")
    print("|" + "|".join("---" for _ in hdr) + "|")
    for t in table[1:]:
        print("| " + " | ".join(t) + " |")

    for name in os.listdir(workdir):
        os.remove(os.path.join(workdir, name))
    os.rmdir(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
