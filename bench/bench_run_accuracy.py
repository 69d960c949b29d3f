#!/usr/bin/python3
"""Cost against accuracy for the issue-3 problem: `nessie run` and QuTiP's brmesolve at several tolerances.

    bench_run_accuracy.py [--nessie PATH] [--problems n4k2] [--repeat 3]

bench_run_vs_qutip.py compares both codes at the SAME tolerances (atol 1e-10, rtol 1e-8). At equal tolerances they
do not deliver equal accuracy: nessie caps its step at 1/omega_max (dopri5's stability limit, see
include/nessie/dynamics/propagator.hpp), which keeps the steady state clean, while QuTiP's zvode (Adams) is limited
by its tolerances only. This script measures, for each code and tolerance pair, the wall time (best of --repeat;
nessie: the whole process as in bench_run_vs_qutip.py, without --save-rho; a further run with --save-rho supplies
rho(t); QuTiP: H/a_ops + brmesolve) and the trace distance (TD) to
the exact rho(t) = expm(L t) rho0 of scripts/reference/redfield_reference.py at t = 10, 100 and 1000.
Problems and model exactly as in bench_run_vs_qutip.py (whose functions are reused).
"""

import argparse
import os
import sys
import tempfile
import time

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench_common as bc  # noqa: E402
import bench_run_vs_qutip as brq  # noqa: E402

CHECK_TIMES = (10.0, 100.0, 1000.0)
NESSIE_TOLS = ((1e-8, 1e-6), (1e-10, 1e-8), (1e-12, 1e-10), (1e-14, 1e-12))
QUTIP_TOLS = ((1e-8, 1e-6), (1e-10, 1e-8), (1e-12, 1e-10), (1e-14, 1e-12))


def exact_states(prob):
    p = brq.ref.Params(sites=prob["sites"], up=prob["up"])
    m = brq.ref.Model(p)
    n = prob["sites"]
    idx = sum((0 if c == "u" else 1) << (n - l) for l, c in enumerate(prob["initial"], start=1))
    cols = [int(i) for i in np.nonzero(m.P.any(axis=1))[0]]
    rho0 = np.zeros((m.dim, m.dim), dtype=complex)
    rho0[cols.index(idx), cols.index(idx)] = 1.0
    return brq.ref.propagate(p, rho0, list(CHECK_TIMES))


def nessie_case(nessie, prob, atol, rtol, repeat, workdir):
    out = os.path.join(workdir, "acc.h5")
    cmd = [nessie, "run", *prob["options"], "--initial", prob["initial"], "--t-end", "1000", "--dt-out", "1",
           "--atol", repr(atol), "--rtol", repr(rtol), "--quiet", "--json", "--force", "--output", out]
    walls = []
    for _ in range(repeat):  # timed without --save-rho (the issue-3 command)
        r = bc.timed(cmd)
        if r["returncode"] != 0:
            raise RuntimeError(r["stderr"])
        walls.append(r["wall"])
    r = bc.timed(cmd + ["--save-rho"])  # once more, untimed, to read rho(t)
    if r["returncode"] != 0:
        raise RuntimeError(r["stderr"])
    with h5py.File(out, "r") as f:
        states = [int(s) for s in f["model/basis_states"][:]]
        t = f["timeseries/time"][:]
        rhos = f["timeseries/rho"][:]
    picked = [rhos[int(np.argmin(np.abs(t - x)))] for x in CHECK_TIMES]
    return min(walls), states, picked, cmd


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nessie", default=os.path.join(HERE, "..", "build", "nessie"))
    ap.add_argument("--problems", default="n4k2")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    nessie = os.path.realpath(a.nessie)
    print(f"machine: {bc.machine()}")
    import qutip
    print(f"QuTiP {qutip.__version__}; nessie {nessie}; best of {a.repeat}; TD = trace distance to expm(L t) rho0\n")
    workdir = tempfile.mkdtemp(prefix="bench_run_accuracy_")
    tlist = np.linspace(0.0, 1000.0, 1001)
    idx = [int(np.argmin(np.abs(tlist - x))) for x in CHECK_TIMES]
    for name in a.problems.split(","):
        prob = brq.PROBLEMS[name]
        exact = exact_states(prob)
        print(f"{name}: {prob['label']}")
        rows = []
        _, _, _, cols = brq.build_qutip_problem(qutip, prob["sites"], prob["up"], prob["initial"])
        for atol, rtol in NESSIE_TOLS:
            wall, states, picked, cmd = nessie_case(nessie, prob, atol, rtol, a.repeat, workdir)
            tds = [brq.trace_distance(brq.nessie_to_sector_order(states, r, prob["sites"], cols), x)
                   for r, x in zip(picked, exact)]
            rows.append(("nessie", atol, rtol, wall, tds))
            print(f"  nessie atol {atol:g} rtol {rtol:g}: {wall:.3f} s; TD " +
                  ", ".join(f"t={x:g}: {d:.1e}" for x, d in zip(CHECK_TIMES, tds)), flush=True)
        for atol, rtol in QUTIP_TOLS:
            walls, res = [], None
            for _ in range(a.repeat):
                t0 = time.perf_counter()
                H, a_ops, rho0, cols = brq.build_qutip_problem(qutip, prob["sites"], prob["up"], prob["initial"])
                opts = qutip.Options(atol=atol, rtol=rtol, nsteps=10 ** 8)
                res = qutip.brmesolve(H, rho0, tlist, a_ops=a_ops, use_secular=False, options=opts)
                walls.append(time.perf_counter() - t0)
            tds = [brq.trace_distance(res.states[i].full(), x) for i, x in zip(idx, exact)]
            rows.append(("QuTiP", atol, rtol, min(walls), tds))
            print(f"  QuTiP  atol {atol:g} rtol {rtol:g}: {min(walls):.3f} s; TD " +
                  ", ".join(f"t={x:g}: {d:.1e}" for x, d in zip(CHECK_TIMES, tds)), flush=True)
        print("\n| code | atol | rtol | wall s | " + " | ".join(f"TD t={x:g}" for x in CHECK_TIMES) + " |")
        print("|---|---|---|---|" + "---|" * len(CHECK_TIMES))
        for code, atol, rtol, wall, tds in rows:
            print(f"| {code} | {atol:g} | {rtol:g} | {wall:.3f} | " + " | ".join(f"{d:.1e}" for d in tds) + " |")
        print()
    for f in os.listdir(workdir):
        os.remove(os.path.join(workdir, f))
    os.rmdir(workdir)
    print(f"machine: {bc.machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
