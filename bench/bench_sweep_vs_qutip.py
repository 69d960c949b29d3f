#!/usr/bin/python3
"""The Fig. 3(a) grid with `nessie sweep`, next to QuTiP 4.7 on a random sample of the same points.

    bench_sweep_vs_qutip.py [--nessie PATH] [--count 201] [--sample 20] [--repeat 3] [--seed 1]

nessie: `nessie sweep --scan bias=0:2.8:COUNT --scan delta=-4:4:COUNT --method ness --quiet --output TMP --force`
(the paper's ring, N = 4, K = 2, h_2 = 2, h_3 = 1; bias = T_1 - T_2 of the baths at sites 1 and 3 at fixed mean
(T_1 + T_2)/2 = 1.5), wall time of the whole process (start-up, COUNT^2 dense steady-state solves on all cores,
observables, HDF5 output), best of --repeat; also with `--threads 1`. Per point = wall / COUNT^2.

QuTiP: for --sample points drawn at random (seeded) from the same grid (values read back from the sweep file's
scan/ datasets, so both codes see identical parameters): H and a_ops built with QuTiP's operators from physics.md
(Delta on su su, fields on sz, baths S = sz at sites 1 and 3 with T_1 = 1.5 + bias/2, T_2 = 1.5 - bias/2;
spectrum S(w) = 2 G(w) as a memoised Python function), R = bloch_redfield_tensor(H, a_ops, use_secular=False),
rho = steadystate(R). Timed per point: building H and a_ops + tensor + steadystate (QuTiP imported once, before).
The same sample is timed --repeat times, interleaved with the nessie runs; best per point.

Check: at each sampled point, QuTiP's ergotropy (physics.md) and j_L = Tr(H D_1[rho]) (from a one-bath
bloch_redfield_tensor, see bench_common.qutip_heat_current) against nessie's results/ergotropy and
results/bath_heat_currents[..., 0]; both must agree to --tol (default 1e-8, absolute). Exit 1 if not.
"""

import argparse
import math
import os
import sys
import tempfile
import time

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench_common as bc  # noqa: E402

MEAN_T = 1.5


def qutip_point(qutip, delta: float, bias: float):
    """One grid point with QuTiP; returns (seconds for build + tensor + steadystate, rho in the eigenbasis, H, a_ops,
    seconds of each stage)."""
    t0 = time.perf_counter()
    baths = ((1, MEAN_T + bias / 2), (3, MEAN_T - bias / 2))
    H, a_ops, _ = bc.qutip_problem(qutip, 4, 2, delta=delta, baths=baths)
    t1 = time.perf_counter()
    R, _ = qutip.bloch_redfield_tensor(H, a_ops, use_secular=False)
    t2 = time.perf_counter()
    rho = qutip.steadystate(R)
    t3 = time.perf_counter()
    return t3 - t0, rho, H, a_ops, (t1 - t0, t2 - t1, t3 - t2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nessie", default=os.path.join(HERE, "..", "build", "nessie"))
    ap.add_argument("--count", type=int, default=201)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tol", type=float, default=1e-8)
    a = ap.parse_args()

    nessie = os.path.realpath(a.nessie)
    print(f"machine: {bc.machine()}")
    t0 = time.perf_counter()
    import qutip
    print(f"QuTiP {qutip.__version__} (import {time.perf_counter() - t0:.2f} s, not counted); nessie {nessie}")
    npts = a.count * a.count
    workdir = tempfile.mkdtemp(prefix="bench_sweep_")
    out = os.path.join(workdir, "sweep.h5")
    out1 = os.path.join(workdir, "sweep1.h5")
    cmd = [nessie, "sweep", "--scan", f"bias=0:2.8:{a.count}", "--scan", f"delta=-4:4:{a.count}", "--method", "ness",
           "--quiet", "--output", out, "--force"]
    cmd1 = [*cmd[:-3], "--output", out1, "--force", "--threads", "1"]
    print(f"nessie: {' '.join(cmd)}\n  and the same with --threads 1; {npts} points; best of {a.repeat}; "
          f"QuTiP on {a.sample} random points (seed {a.seed}), best of {a.repeat} per point\n", flush=True)

    walls, walls1, cpus, cpus1, rss = [], [], [], [], []
    q_best = None
    sample = None
    for rep in range(a.repeat):
        r = bc.timed(cmd)
        if r["returncode"] != 0:
            raise RuntimeError(f"nessie failed: {r['stderr']}")
        walls.append(r["wall"])
        cpus.append(r["cpu"])
        rss.append(r["rss_mb"])
        r1 = bc.timed(cmd1)
        if r1["returncode"] != 0:
            raise RuntimeError(f"nessie --threads 1 failed: {r1['stderr']}")
        walls1.append(r1["wall"])
        cpus1.append(r1["cpu"])
        if sample is None:
            with h5py.File(out, "r") as f:
                axes = f["scan"].attrs["axes"]
                axes = axes.decode() if isinstance(axes, bytes) else axes
                assert axes == "bias,delta", axes
                biases = f["scan/bias"][:]
                deltas = f["scan/delta"][:]
                erg = f["results/ergotropy"][:]
                jl = f["results/bath_heat_currents"][..., 0]
                res = f["results/residual"][:]
            rng = np.random.default_rng(a.seed)
            flat = rng.choice(npts, size=a.sample, replace=False)
            sample = [(int(k // a.count), int(k % a.count)) for k in flat]
        # QuTiP on the sample, right after nessie (same load).
        times = []
        for (i, j) in sample:
            t, rho, H, a_ops, stages = qutip_point(qutip, float(deltas[j]), float(biases[i]))
            times.append((t, stages))
        if q_best is None:
            q_best = times
        else:
            q_best = [min(x, y, key=lambda z: z[0]) for x, y in zip(q_best, times)]
        print(f"  repeat {rep + 1}: nessie {walls[-1]:.3f} s (threads 1: {walls1[-1]:.3f} s); QuTiP sample "
              f"{sum(t for t, _ in times):.3f} s for {a.sample} points; load {bc.load()}", flush=True)

    # Agreement at the sample (from the last repeat's QuTiP states: recompute to keep rho per point).
    print("\npoint (bias, delta): QuTiP s per point, ergotropy qutip / nessie / diff, j_L qutip / nessie / diff")
    worst_e = worst_j = 0.0
    for (i, j), (t, stages) in zip(sample, q_best):
        _, rho, H, a_ops, _ = qutip_point(qutip, float(deltas[j]), float(biases[i]))
        r = rho.full()
        energies = np.linalg.eigvalsh(H.full())
        e_q = bc.ergotropy(r, energies)
        j_q = bc.qutip_heat_current(qutip, H, a_ops[0], rho)
        de, dj = abs(e_q - erg[i, j]), abs(j_q - jl[i, j])
        worst_e, worst_j = max(worst_e, de), max(worst_j, dj)
        print(f"  ({biases[i]:.3f}, {deltas[j]:+.2f}): {t * 1e3:.1f} ms (build {stages[0] * 1e3:.1f}, tensor "
              f"{stages[1] * 1e3:.1f}, steadystate {stages[2] * 1e3:.1f}); E {e_q:.12f} / {erg[i, j]:.12f} / {de:.1e}; "
              f"j_L {j_q:+.12f} / {jl[i, j]:+.12f} / {dj:.1e}")

    w, w1 = min(walls), min(walls1)
    q_pp = np.array([t for t, _ in q_best])
    q_mean, q_median = float(q_pp.mean()), float(np.median(q_pp))
    q_core = float(np.mean([st[1] + st[2] for _, st in q_best]))  # tensor + steadystate only
    ok = worst_e <= a.tol and worst_j <= a.tol
    print(f"\nmachine: {bc.machine()}")
    print(f"nessie sweep {npts} points: wall {', '.join(f'{x:.3f}' for x in walls)} s (best {w:.3f} s, "
          f"cpu {cpus[walls.index(w)]:.2f} s, peak RSS {max(rss):.0f} MB); --threads 1: "
          f"{', '.join(f'{x:.3f}' for x in walls1)} s (best {w1:.3f} s, cpu {cpus1[walls1.index(w1)]:.2f} s)")
    print(f"max residual ||L rho||_F over the grid {float(np.max(res)):.1e}")
    print(f"QuTiP per point (build + tensor + steadystate), best of {a.repeat}: mean {q_mean * 1e3:.2f} ms, median "
          f"{q_median * 1e3:.2f} ms, min {q_pp.min() * 1e3:.2f} ms, max {q_pp.max() * 1e3:.2f} ms")
    print(f"agreement at {a.sample} points: max |ergotropy diff| {worst_e:.1e}, max |j_L diff| {worst_j:.1e} "
          f"-> {'PASS' if ok else 'FAIL'} (tol {a.tol:g})")
    hdr = ["", "nessie (all cores)", "nessie --threads 1", f"QuTiP (mean of {a.sample})"]
    rows = [["grid wall s", f"{w:.3f}", f"{w1:.3f}", f"{q_mean * npts:.0f} (extrapolated)"],
            ["per point ms", f"{w / npts * 1e3:.4f}", f"{w1 / npts * 1e3:.4f}", f"{q_mean * 1e3:.2f}"],
            ["QuTiP / nessie per point", f"{q_mean / (w / npts):.0f}", f"{q_mean / (w1 / npts):.0f}", "1"],
            ["same, QuTiP tensor + steadystate only", f"{q_core / (w / npts):.0f}", f"{q_core / (w1 / npts):.0f}",
             f"({q_core * 1e3:.2f} ms)"]]
    print("\n| " + " | ".join(hdr) + " |")
    print("|" + "|".join("---" for _ in hdr) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")

    for name in os.listdir(workdir):
        os.remove(os.path.join(workdir, name))
    os.rmdir(workdir)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
