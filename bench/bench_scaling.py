#!/usr/bin/python3
"""Scaling of nessie with the ring size, next to QuTiP 4.7 (bloch_redfield_tensor + steadystate).

    bench_scaling.py [--nessie PATH] [--nmin 4] [--nmax 12] [--repeat 3] [--png docs/figures/scaling.png]

For N = nmin..nmax sites in the sector K = N/2 (integer division; d = C(N, K) = 6, 10, 20, 35, 70, 126, 252, 462,
924), the paper's fields h_2 = 2, h_3 = 1, J = 1, Delta = 2 and baths 1:2, 3:1 (gamma 0.01, wc 10), this times, in
the same loop so that all methods see the same machine load:

  ness      `nessie ness --sites N --up K --json --quiet --output TMP --force` (default --solver auto: dense LU up to
            40 levels, preconditioned GMRES beyond); solver, GMRES iterations, residual ||L rho||_F and two relative
            residuals (below) are read from its JSON summary and output file;
  run       `nessie run --sites N --up K --t-end 100 --dt-out 1 --quiet --json --output TMP --force` for N <= --run-nmax
            (default 10); for larger N with --t-end --run-short-t-end (default 2; 0 skips them), reported separately
            and never mixed with the t = 100 column (its integration time per unit time is printed to extrapolate);
  run 1thr  the same with OMP_NUM_THREADS=1 (nessie's Eigen products otherwise use OpenMP on all cores, which
            behaves very differently on a loaded machine; --no-single-thread skips this column);
  qutip     a worker process (this script with --qutip-worker N K) that builds H and a_ops with QuTiP's operators
            (physics.md; spectrum S(w) = 2 G(w) as a memoised Python function), then
            R, ekets = bloch_redfield_tensor(H, a_ops, use_secular=False) and steadystate(R) (default 'direct'
            sparse LU); reported: tensor and steadystate time, the worker's total (import excluded) and peak RSS,
            and the largest population difference to nessie's NESS (a check that both solved the same problem).
            QuTiP stops after d > --qutip-max-dim (default 70) or after a call that took longer than
            --qutip-limit seconds (default 120): larger sizes are not attempted and the reason is printed.
            A worker still running after --qutip-kill seconds (default 600) is killed and reported as such.

Each process runs under /usr/bin/time -v: wall time (measured here), CPU time (user + sys) and peak RSS
("Maximum resident set size"). Best of --repeat by wall time; a measurement whose first call took longer than
--long seconds (default 30) is not repeated. The relative residuals of the NESS are ||L rho||_F / ||[H, rho]||_F and
||L rho||_F / (omega_max ||rho||_F) (omega_max = E_max - E_min bounds the size of the coherent part of L).

Output: one line per size as it goes, a markdown table, a log-log PNG (time vs d, one line per method; peak memory
in a second panel) and, with --json-out, all numbers as JSON.
"""

import argparse
import json
import math
import os
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench_common as bc  # noqa: E402


# --------------------------------------------------------------------------------------------------------
# QuTiP worker (a separate process, so that its peak RSS and a time limit apply to QuTiP alone).
# --------------------------------------------------------------------------------------------------------
def qutip_worker(n: int, up: int) -> int:
    import resource
    t0 = time.perf_counter()
    import qutip
    t_import = time.perf_counter() - t0
    rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    t0 = time.perf_counter()
    H, a_ops, _ = bc.qutip_problem(qutip, n, up)
    t1 = time.perf_counter()
    R, ekets = qutip.bloch_redfield_tensor(H, a_ops, use_secular=False)
    t2 = time.perf_counter()
    rho = qutip.steadystate(R)
    t3 = time.perf_counter()
    r = rho.full()  # eigenbasis of H, energies ascending (ZHEEVR)
    energies = np.linalg.eigvalsh(H.full())
    print(json.dumps(dict(
        import_seconds=t_import, rss_after_import_mb=rss_import, build=t1 - t0, tensor=t2 - t1, steady=t3 - t2,
        total=t3 - t0, tensor_nnz=int(R.data.nnz), populations=np.real(np.diag(r)).tolist(),
        ergotropy=bc.ergotropy(r, energies))))
    return 0


# --------------------------------------------------------------------------------------------------------
def nessie_ness(nessie, n, up, out):
    cmd = [nessie, "ness", "--sites", str(n), "--up", str(up), "--json", "--quiet", "--output", out, "--force"]
    return cmd


def nessie_run(nessie, n, up, t_end, out):
    return [nessie, "run", "--sites", str(n), "--up", str(up), "--t-end", f"{t_end:g}", "--dt-out", "1", "--quiet",
            "--json", "--output", out, "--force"]


def relative_residuals(path: str, residual: float):
    import h5py
    with h5py.File(path, "r") as f:
        rho = f["ness/rho"][:]
        V = f["model/eigenvectors"][:]
        E = f["model/energies"][:]
    rho_e = V.T @ rho @ V
    comm = np.linalg.norm((E[:, None] - E[None, :]) * rho_e)
    return residual / comm, residual / ((E.max() - E.min()) * np.linalg.norm(rho))


def fmt_s(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return f"{x:.3g}" if x < 100 else f"{x:.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nessie", default=os.path.join(HERE, "..", "build", "nessie"))
    ap.add_argument("--nmin", type=int, default=4)
    ap.add_argument("--nmax", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--long", type=float, default=30.0, help="do not repeat a measurement whose first call took longer")
    ap.add_argument("--run-t-end", type=float, default=100.0)
    ap.add_argument("--run-nmax", type=int, default=10)
    ap.add_argument("--run-short-t-end", type=float, default=2.0, help="t-end for N > --run-nmax (0: skip)")
    ap.add_argument("--no-single-thread", action="store_true", help="skip the OMP_NUM_THREADS=1 run column")
    ap.add_argument("--qutip-max-dim", type=int, default=70)
    ap.add_argument("--qutip-limit", type=float, default=120.0)
    ap.add_argument("--qutip-kill", type=float, default=600.0)
    ap.add_argument("--no-qutip", action="store_true")
    ap.add_argument("--nessie-kill", type=float, default=900.0,
                    help="kill a nessie process after this many seconds (reported as killed)")
    ap.add_argument("--png", default=os.path.join(HERE, "..", "docs", "figures", "scaling.png"))
    ap.add_argument("--json-out", default=None)
    ap.add_argument("--qutip-worker", nargs=2, type=int, metavar=("N", "K"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.qutip_worker:
        return qutip_worker(*a.qutip_worker)

    nessie = os.path.realpath(a.nessie)
    print(f"machine: {bc.machine()}")
    print(f"nessie {nessie}; OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '(unset)')}")
    print(f"best of {a.repeat} (a measurement is not repeated once it took > {a.long:g} s); "
          f"run: t-end {a.run_t_end:g} for N <= {a.run_nmax}, t-end {a.run_short_t_end:g} beyond "
          f"({'skipped' if a.run_short_t_end <= 0 else 'separate column'})\n", flush=True)

    workdir = tempfile.mkdtemp(prefix="bench_scaling_")
    qutip_stop = None if not a.no_qutip else "disabled (--no-qutip)"
    rows = []
    for n in range(a.nmin, a.nmax + 1):
        up = n // 2
        d = math.comb(n, up)
        row = dict(N=n, K=up, d=d, load_start=bc.load())
        t_end = a.run_t_end if n <= a.run_nmax else (a.run_short_t_end if a.run_short_t_end > 0 else None)
        row["run_t_end"] = t_end
        if qutip_stop is None and d > a.qutip_max_dim:
            qutip_stop = f"stopped before d = {d}: d > {a.qutip_max_dim} (--qutip-max-dim)"
            print(f"QuTiP {qutip_stop}")
        tasks = {"ness": dict(cmd=nessie_ness(nessie, n, up, os.path.join(workdir, "ness.h5")), env=None)}
        if t_end is not None:
            rcmd = nessie_run(nessie, n, up, t_end, os.path.join(workdir, "run.h5"))
            tasks["run"] = dict(cmd=rcmd, env=None)
            if not a.no_single_thread:
                tasks["run1"] = dict(cmd=rcmd, env={"OMP_NUM_THREADS": "1"})
        if qutip_stop is None:
            tasks["qutip"] = dict(cmd=[sys.executable, os.path.abspath(__file__), "--qutip-worker", str(n), str(up)],
                                  env=None)
        results = {k: [] for k in tasks}
        done = set()
        for rep in range(a.repeat):
            for name, task in tasks.items():
                if name in done:
                    continue
                timeout = a.qutip_kill if name == "qutip" else a.nessie_kill
                try:
                    r = bc.timed(task["cmd"], env=task["env"], timeout=timeout)
                except bc.Timeout as e:
                    results[name].append(dict(wall=math.inf, killed=str(e)))
                    done.add(name)
                    continue
                if r["returncode"] != 0:
                    raise RuntimeError(f"{name} failed (exit {r['returncode']}): {r['stderr'].strip()}\n"
                                       f"{' '.join(task['cmd'])}")
                r["json"] = json.loads(r["stdout"])
                if name == "ness":
                    r["rel_residual_comm"], r["rel_residual_omega"] = relative_residuals(
                        os.path.join(workdir, "ness.h5"), r["json"]["residual"])
                results[name].append(r)
                if r["wall"] > a.long:
                    done.add(name)
        for name, rs in results.items():
            best = min(rs, key=lambda r: r["wall"])
            best["all_walls"] = [r["wall"] for r in rs]
            row[name] = best
        row["load_end"] = bc.load()
        rows.append(row)

        # ---- report this size
        ness = row["ness"]
        j = ness["json"]
        print(f"N={n} K={up} d={d} (load {row['load_start']} -> {row['load_end']})")
        print(f"  ness: {' '.join(tasks['ness']['cmd'])}")
        print(f"    wall {', '.join(f'{w:.3f}' for w in ness['all_walls'])} s, cpu {ness['cpu']:.2f} s, "
              f"peak RSS {ness['rss_mb']:.1f} MB; solver {j['solver']}, {j['solver_iterations']} GMRES iterations, "
              f"residual {j['residual']:.2e} (relative: {ness['rel_residual_comm']:.2e} of ||[H,rho]||, "
              f"{ness['rel_residual_omega']:.2e} of omega_max ||rho||)")
        for name in ("run", "run1"):
            if name not in row:
                continue
            r = row[name]
            print(f"  {name} {'(OMP_NUM_THREADS=1)' if name == 'run1' else '(default threads)'}: "
                  f"{' '.join(tasks[name]['cmd'])}")
            if "killed" in r:
                print(f"    {r['killed']}")
                continue
            s = r["json"]["solver"]
            print(f"    wall {', '.join(f'{w:.3f}' for w in r['all_walls'])} s, cpu {r['cpu']:.2f} s, peak RSS "
                  f"{r['rss_mb']:.1f} MB; integration {s['wall_seconds']:.3f} s, {s['accepted_steps']} steps "
                  f"({s['rejected_steps']} rejected), {s['rhs_evaluations']} RHS evaluations "
                  f"({1e3 * s['wall_seconds'] / max(1, s['rhs_evaluations']):.3f} ms each); integration time per "
                  f"unit time {s['wall_seconds'] / t_end:.3g} s")
        if "qutip" in row:
            q = row["qutip"]
            if "killed" in q:
                print(f"  qutip: {q['killed']}")
                qutip_stop = f"stopped after d = {d}: the worker was killed after {a.qutip_kill:g} s"
            else:
                qj = q["json"]
                dp = float(np.max(np.abs(np.array(qj["populations"]) - np.array(j["populations"]))))
                q["population_difference"] = dp
                print(f"  qutip worker: wall {', '.join(f'{w:.3f}' for w in q['all_walls'])} s (includes QuTiP import "
                      f"{qj['import_seconds']:.2f} s), cpu {q['cpu']:.2f} s, peak RSS {q['rss_mb']:.1f} MB "
                      f"(after import {qj['rss_after_import_mb']:.0f} MB); best: build {qj['build']:.3f} s, "
                      f"bloch_redfield_tensor {qj['tensor']:.3f} s (nnz {qj['tensor_nnz']}), steadystate "
                      f"{qj['steady']:.3f} s, total {qj['total']:.3f} s; max |populations qutip - nessie| {dp:.1e}")
                if qj["total"] > a.qutip_limit:
                    qutip_stop = (f"stopped after d = {d}: one call took {qj['total']:.0f} s > {a.qutip_limit:g} s "
                                  f"(--qutip-limit)")
                    print(f"  QuTiP {qutip_stop}")
        print(flush=True)

    # ---- table
    hdr = ["N", "K", "d", "ness s", "ness cpu s", "ness MB", "solver (GMRES it.)", "rel. residual",
           "run t=100 s", "run 1thr s", "run cpu s (1thr)", "run MB", "QuTiP tensor+steady s", "QuTiP MB",
           "QuTiP/ness"]
    lines = []
    for r in rows:
        ness = r["ness"]
        j = ness["json"]
        run, run1 = r.get("run"), r.get("run1")
        short = r["run_t_end"] is not None and r["run_t_end"] != a.run_t_end
        tag = f" (t={r['run_t_end']:g})" if short else ""

        def run_cell(x):
            if x is None:
                return "skipped"
            if "killed" in x:
                return f"> {a.nessie_kill:g} (killed)"
            return fmt_s(x["wall"]) + tag
        q = r.get("qutip")
        qt = q["json"]["tensor"] + q["json"]["steady"] if q and "json" in q else None
        lines.append([
            str(r["N"]), str(r["K"]), str(r["d"]), fmt_s(ness["wall"]), fmt_s(ness["cpu"]), f"{ness['rss_mb']:.0f}",
            f"{j['solver']} ({j['solver_iterations']})", f"{ness['rel_residual_comm']:.1e}",
            run_cell(run), run_cell(run1) if run1 else ("skipped" if not run else "-"),
            fmt_s(run1["cpu"]) if run1 and "cpu" in run1 else "-",
            f"{max(x['rss_mb'] for x in (run, run1) if x and 'rss_mb' in x):.0f}"
            if any(x and "rss_mb" in x for x in (run, run1)) else "-",
            (fmt_s(qt) if qt is not None else ("killed" if q else "not run")),
            f"{q['rss_mb']:.0f}" if q and "json" in q else "-",
            (f"{qt / ness['wall']:.3g}") if qt is not None else "-"])
    print(f"machine: {bc.machine()}")
    if qutip_stop:
        print(f"QuTiP: {qutip_stop}")
    print("\n| " + " | ".join(hdr) + " |")
    print("|" + "|".join("---" for _ in hdr) + "|")
    for line in lines:
        print("| " + " | ".join(line) + " |")
    print("\nColumns: wall seconds of the whole nessie process (best of the repeats), its CPU seconds, peak RSS; "
          "relative residual = ||L rho||_F / ||[H, rho]||_F; run = `nessie run --t-end 100 --dt-out 1` with default "
          "threads, run 1thr with OMP_NUM_THREADS=1; QuTiP = bloch_redfield_tensor + steadystate inside the worker "
          "(model building and import excluded), QuTiP MB = the worker's peak RSS (includes ~the import); "
          "QuTiP/ness = (QuTiP tensor + steadystate) / nessie ness wall.")

    if a.json_out:
        def clean(x):
            if isinstance(x, dict):
                return {k: clean(v) for k, v in x.items() if k not in ("stdout", "stderr")}
            if isinstance(x, float) and not math.isfinite(x):
                return str(x)
            return x
        with open(a.json_out, "w") as f:
            json.dump(dict(machine=bc.machine(), qutip_stop=qutip_stop, rows=[clean(r) for r in rows]), f, indent=1)

    # ---- figure
    if a.png:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, (ax, bx) = plt.subplots(1, 2, figsize=(11, 4.4))
        d_all = [r["d"] for r in rows]

        def series(key, f):
            xs, ys = [], []
            for r in rows:
                v = f(r) if key is None or (key in r and "killed" not in r[key]) else None
                if v is not None and math.isfinite(v):
                    xs.append(r["d"])
                    ys.append(v)
            return xs, ys

        full_t = lambda r: r.get("run_t_end") == a.run_t_end  # noqa: E731
        curves = [
            ("nessie ness (auto solver)", "ness", lambda r: r["ness"]["wall"], "o-", lambda r: r["ness"]["rss_mb"]),
            (f"nessie run t={a.run_t_end:g} (default threads)", "run",
             lambda r: r["run"]["wall"] if full_t(r) else None, "s-", lambda r: r["run"]["rss_mb"]),
            (f"nessie run t={a.run_t_end:g} (1 thread)", "run1",
             lambda r: r["run1"]["wall"] if full_t(r) else None, "s--", None),
            (f"nessie run t={a.run_short_t_end:g} (N > {a.run_nmax}, 1 thread)", "run1",
             lambda r: r["run1"]["wall"] if not full_t(r) else None, "x:", None),
            ("QuTiP bloch_redfield_tensor + steadystate", "qutip",
             lambda r: (r["qutip"]["json"]["tensor"] + r["qutip"]["json"]["steady"]) if "json" in r["qutip"] else None,
             "^-", lambda r: r["qutip"]["rss_mb"] if "json" in r["qutip"] else None),
        ]
        for label, key, f, style, fm in curves:
            xs, ys = series(key, f)
            if xs:
                ax.loglog(xs, ys, style, label=label)
            if fm is not None:
                xs, ys = series(key, fm)
                if xs:
                    bx.loglog(xs, ys, style, label=label.split(" (")[0] if key != "qutip" else "QuTiP worker")
        ax.axhline(20.0, color="gray", lw=0.6, ls=":")
        ax.set_xlabel("d = C(N, N/2)")
        ax.set_ylabel("wall time (s)")
        ax.set_title(f"time vs d (best of {a.repeat}; load {rows[-1]['load_end'].split()[0]} at end)", fontsize=9)
        ax.legend(fontsize=7)
        ax.grid(True, which="both", alpha=0.3)
        ax.set_xticks(d_all)
        ax.set_xticklabels([str(x) for x in d_all], fontsize=7)
        bx.set_xlabel("d")
        bx.set_ylabel("peak RSS (MB)")
        bx.set_title("peak memory (/usr/bin/time -v)", fontsize=9)
        bx.legend(fontsize=7)
        bx.grid(True, which="both", alpha=0.3)
        bx.set_xticks(d_all)
        bx.set_xticklabels([str(x) for x in d_all], fontsize=7)
        fig.tight_layout()
        os.makedirs(os.path.dirname(os.path.abspath(a.png)), exist_ok=True)
        fig.savefig(a.png, dpi=120)
        print(f"\nfigure: {os.path.abspath(a.png)}")

    for name in os.listdir(workdir):
        os.remove(os.path.join(workdir, name))
    os.rmdir(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
