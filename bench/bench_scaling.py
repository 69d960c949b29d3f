#!/usr/bin/python3
"""Scaling of nessie with the ring size, next to QuTiP 4.7 (bloch_redfield_tensor + steadystate).

    bench_scaling.py [--nessie PATH] [--bench-rhs PATH] [--nmin 4] [--nmax 12] [--repeat 3]
                     [--png docs/figures/scaling.png] [--json-out FILE] [--merge OLD.json ...] [--merge-only]

For N = nmin..nmax sites in the sector K = N/2 (integer division; d = C(N, K) = 6, 10, 20, 35, 70, 126, 252, 462,
924), the paper's fields h_2 = 2, h_3 = 1, J = 1, Delta = 2 and baths 1:2, 3:1 (gamma 0.01, wc 10), this times, in
the same loop so that all methods see the same machine load:

  one RHS   `bench_rhs --nmin N --nmax N` and the same with `--threads 1` (bench/rhs_benchmark.cpp, target bench_rhs):
            the time of one right-hand side of the time evolution (RedfieldGenerator::apply_product_hermitian) and
            of one complex d x d Eigen product, best batch mean of its own batches, once per size (--no-rhs skips);
  ness      `nessie ness --sites N --up K --json --quiet --output TMP --force` (default --solver auto: dense LU up to
            20 levels (40 before 2026-11-27 22:30), preconditioned GMRES beyond); solver, GMRES iterations, residual ||L rho||_F and two relative
            residuals (below) are read from its JSON summary and output file;
  run       `nessie run --sites N --up K --t-end 100 --dt-out 1 --quiet --json --output TMP --force` for N <= --run-nmax
            (default 10); for larger N with --t-end --run-short-t-end (default 2; 0 skips them), reported separately
            and never mixed with the t = 100 column (its integration time per unit time is printed, and the t = 100
            wall is estimated as start-up + integration scaled to t = 100). --run-short-mode watch times only the
            integration of these short runs, from nessie's progress lines on a pseudo-terminal, and kills the
            process once it reaches t-end, before the checks that follow (the spectral gap by Arnoldi, which takes
            minutes from N = 11 on);
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

Output: one line per size as it goes, a markdown table, the binaries and commands behind the rows, the exponents of
time against d (least-squares slope of log t against log d over d >= --fit-dmin, and the local slopes), a log-log PNG
(time vs d, one line per method; peak memory in a second panel) and, with --json-out, all numbers as JSON (rewritten
after every size, so an interrupted run keeps its finished sizes).

Merging: --merge OLD.json (repeatable) reads the rows of an earlier --json-out; the sizes measured now replace the
rows of the same N, and the table, exponents, PNG and --json-out are made from the union. Each row keeps the binary
(path, SHA-256, mtime), date and command that produced it, and these are listed under the table. For example, after
a change that only matters for small sizes:

    bench_scaling.py --nessie build/nessie --nmin 4 --nmax 6 --merge bench/scaling-results.json \
        --json-out bench/scaling-results-new.json
    bench_scaling.py --merge bench/scaling-results-new.json --merge-only      # table and PNG again, no measurement
"""

import argparse
import json
import math
import os
import subprocess
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


def file_id(path):
    """Identity of a binary: path, first 12 hex digits of its SHA-256 and its modification time."""
    import hashlib
    if not path or not os.path.exists(path):
        return None
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return dict(path=path, sha256=h.hexdigest()[:12],
                mtime=time.strftime("%Y-%m-%d %H:%M", time.localtime(os.stat(path).st_mtime)))


def bench_rhs(path, n, threads, timeout):
    """One call of bench_rhs for one size (it does its own batches, best batch mean): the time of one right-hand
    side (RedfieldGenerator::apply_product_hermitian) and of one complex d x d GEMM. threads = 0: Eigen default."""
    cmd = [path, "--nmin", str(n), "--nmax", str(n)] + (["--threads", str(threads)] if threads else [])
    r = bc.timed(cmd, timeout=timeout)
    if r["returncode"] != 0:
        return dict(failed=f"exit {r['returncode']}: {r['stderr'].strip()[-300:]}", cmd=" ".join(cmd))
    for line in r["stdout"].splitlines():
        t = line.split()
        if len(t) == 10 and t[0] == str(n):
            return dict(cmd=" ".join(cmd), nnz_h=int(t[3]), rhs_ms=float(t[4]), gemm_ms=float(t[5]),
                        rhs_over_gemm=float(t[6]), gemm_gflops=float(t[7]), rhs_gflops=float(t[8]),
                        rhs_flops=float(t[9]), threads_line=next((x for x in r["stdout"].splitlines()
                                                                 if x.startswith("Eigen")), ""))
    return dict(failed="no result line in bench_rhs output", cmd=" ".join(cmd))


def watched_run(cmd, env, t_end, timeout):
    """--run-short-mode watch: runs cmd (a `nessie run` without --quiet) under /usr/bin/time -v with stderr on a
    pseudo-terminal, so that nessie draws its progress line ("t = X of T_END, ...") at every output time, and
    timestamps those lines as they arrive. Once the line for t = T_END has arrived the integration is over and the
    nessie process is killed, before the checks that follow the integration (trace distance, relaxation fit and the
    spectral gap, which dominates the start-up of a run at N >= 11). Returns setup (process start to the t = 0
    line: model, direct NESS, file), integration (t = 0 line to t = T_END line), wall (until killed), cpu and peak
    RSS of the killed process."""
    import pty
    import re
    import select
    import signal
    master, slave = pty.openpty()
    with tempfile.NamedTemporaryFile(prefix="bench_time_", suffix=".txt", delete=False) as tf:
        tpath = tf.name
    e = dict(os.environ)
    if env:
        e.update(env)
    t0 = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/time", "-v", "-o", tpath, *cmd], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=slave, env=e, start_new_session=True)
    os.close(slave)
    pat = re.compile(r"t = ([-+0-9.eE]+) of ")
    buf, pos, first, done, last_t, killed = "", 0, None, None, None, None
    while done is None:
        if time.perf_counter() - t0 > timeout:
            killed = f"killed after {timeout:g} s: {' '.join(cmd)}"
            break
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            if p.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536).decode(errors="replace")
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        now = time.perf_counter()
        buf += chunk
        for m in pat.finditer(buf, pos):
            pos = m.end()
            last_t = float(m.group(1))
            if first is None:
                first = now
            if last_t >= t_end * (1 - 1e-12):
                done = now
                break
    wall = time.perf_counter() - t0
    if p.poll() is None:  # kill nessie (the child of /usr/bin/time), so that time -v still reports on it
        try:
            with open(f"/proc/{p.pid}/task/{p.pid}/children") as f:
                for child in f.read().split():
                    os.kill(int(child), signal.SIGKILL)
        except OSError:
            pass
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    os.close(master)
    info = bc.read_time_report(tpath)
    if killed:
        return dict(wall=math.inf, killed=killed)
    if done is None:
        return dict(wall=math.inf, failed=f"no progress line for t = {t_end:g} (last seen: t = {last_t}, exit "
                                          f"{p.returncode}); {buf[-300:]!r}")
    cpu = float(info.get("User time (seconds)", "nan")) + float(info.get("System time (seconds)", "nan"))
    return dict(watched=True, wall=wall, setup=first - t0, integration=done - first, cpu=cpu,
                rss_mb=float(info.get("Maximum resident set size (kbytes)", "nan")) / 1024.0)


def ok(x):
    """A measurement that ran to completion (not killed, not failed, present)."""
    return isinstance(x, dict) and "killed" not in x and "failed" not in x


def restore_floats(x):
    """Inverse of the JSON cleaning: 'inf' / 'nan' strings back to floats."""
    if isinstance(x, dict):
        return {k: restore_floats(v) for k, v in x.items()}
    if isinstance(x, list):
        return [restore_floats(v) for v in x]
    if isinstance(x, str) and x in ("inf", "-inf", "nan"):
        return float(x)
    return x


def clean(x):
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items() if k not in ("stdout", "stderr")}
    if isinstance(x, list):
        return [clean(v) for v in x]
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)
    return x


def load_rows(path):
    with open(path) as f:
        data = restore_floats(json.load(f))
    rows = data["rows"]
    for r in rows:  # rows written before settings/source were stored per row
        r.setdefault("settings", data.get("settings", {}))
        r.setdefault("source", dict(nessie=None, date=None, command=None, file=path))
    return rows


def settings_of(r):
    s = dict(repeat=3, run_t_end=100.0, run_nmax=10, run_short_t_end=2.0, nessie_kill=900.0)
    s.update(r.get("settings", {}))
    return s


def short_run(r):
    return r.get("run_t_end") is not None and r["run_t_end"] != settings_of(r)["run_t_end"]


def run_estimate(r, key):
    """For a short run (N > run_nmax): start-up (wall - integration) plus the integration time scaled from t_end to
    the full t_end. An extrapolation that assumes the same step size throughout (set by the stability cap)."""
    x = r.get(key)
    if not ok(x) or not short_run(r):
        return None
    if x.get("watched"):  # start-up up to the integration only: the checks after it are not included
        return x["setup"] + x["integration"] * settings_of(r)["run_t_end"] / r["run_t_end"]
    s = x["json"]["solver"]
    return x["wall"] - s["wall_seconds"] + s["wall_seconds"] * settings_of(r)["run_t_end"] / r["run_t_end"]


def integration_per_unit_time(r, key):
    x = r.get(key)
    if not ok(x) or not r.get("run_t_end"):
        return None
    return (x["integration"] if x.get("watched") else x["json"]["solver"]["wall_seconds"]) / r["run_t_end"]


def fit_exponent(xs, ys):
    if len(xs) < 2:
        return None
    p = np.polyfit(np.log(xs), np.log(ys), 1)
    return float(p[0])


def exponent_table(rows, fit_dmin):
    """Slopes of log(time) against log(d): a least-squares fit over d >= fit_dmin and the local slope between
    consecutive sizes. Returns markdown lines."""
    series = [
        ("one RHS, bench_rhs, default threads", lambda r: r["rhs"]["rhs_ms"] if ok(r.get("rhs")) else None),
        ("one RHS, bench_rhs, 1 thread", lambda r: r["rhs1"]["rhs_ms"] if ok(r.get("rhs1")) else None),
        ("one complex GEMM, bench_rhs, default threads",
         lambda r: r["rhs"]["gemm_ms"] if ok(r.get("rhs")) else None),
        ("nessie ness wall", lambda r: r["ness"]["wall"] if ok(r.get("ness")) else None),
        ("nessie run t=100 wall, default threads",
         lambda r: r["run"]["wall"] if ok(r.get("run")) and not short_run(r) else None),
        ("nessie run integration s per unit time, 1 thread", lambda r: integration_per_unit_time(r, "run1")),
        ("nessie run RHS evaluations per unit time",
         lambda r: (r["run1"]["json"]["solver"]["rhs_evaluations"] / r["run_t_end"])
         if ok(r.get("run1")) and "json" in r["run1"] else None),
        ("QuTiP tensor + steadystate",
         lambda r: (r["qutip"]["json"]["tensor"] + r["qutip"]["json"]["steady"]) if ok(r.get("qutip")) else None),
        ("peak RSS nessie ness", lambda r: r["ness"]["rss_mb"] if ok(r.get("ness")) else None),
        ("peak RSS QuTiP worker", lambda r: r["qutip"]["rss_mb"] if ok(r.get("qutip")) else None),
    ]
    lines = [f"| quantity | fit d >= {fit_dmin} (points) | local slopes between consecutive d |", "|---|---|---|"]
    for name, f in series:
        pts = [(r["d"], f(r)) for r in rows]
        pts = [(d, v) for d, v in pts if v is not None and math.isfinite(v) and v > 0]
        if len(pts) < 2:
            continue
        big = [(d, v) for d, v in pts if d >= fit_dmin]
        e = fit_exponent([d for d, _ in big], [v for _, v in big])
        local = [f"{d1}->{d2}: {math.log(v2 / v1) / math.log(d2 / d1):.2f}"
                 for (d1, v1), (d2, v2) in zip(pts, pts[1:])]
        lines.append(f"| {name} | {'-' if e is None else f'{e:.2f}'} ({len(big)}) | {', '.join(local)} |")
    return lines


def table_lines(rows):
    hdr = ["N", "K", "d", "one RHS ms (1thr)", "ness s", "ness cpu s", "ness MB", "solver (GMRES it.)",
           "rel. residual", "run t=100 s", "run 1thr s", "run cpu s (1thr)", "run MB", "QuTiP tensor+steady s",
           "QuTiP MB", "QuTiP/ness", "load"]
    lines = ["| " + " | ".join(hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"]
    for r in rows:
        s = settings_of(r)
        ness = r.get("ness")
        run, run1 = r.get("run"), r.get("run1")

        def run_cell(x, key):
            if x is None:
                return "skipped"
            if "killed" in x:
                return f"> {s['nessie_kill']:g} (killed)"
            if "failed" in x:
                return "failed"
            if short_run(r) and x.get("watched"):
                return f"integration {fmt_s(x['integration'])} for t={r['run_t_end']:g}, after {fmt_s(x['setup'])} " \
                       f"set-up (est. t={s['run_t_end']:g}: {fmt_s(run_estimate(r, key))} + checks)"
            if short_run(r):
                return f"{fmt_s(x['wall'])} (t={r['run_t_end']:g}; est. t={s['run_t_end']:g}: " \
                       f"{fmt_s(run_estimate(r, key))})"
            return fmt_s(x["wall"])

        rhs, rhs1 = r.get("rhs"), r.get("rhs1")
        if ok(rhs):
            rhs_cell = f"{rhs['rhs_ms']:.3g}" + (f" ({rhs1['rhs_ms']:.3g})" if ok(rhs1) else "")
        else:
            rhs_cell = "failed" if rhs and "failed" in rhs else "-"
        q = r.get("qutip")
        qt = q["json"]["tensor"] + q["json"]["steady"] if ok(q) else None
        if ok(ness):
            j = ness["json"]
            ness_cells = [fmt_s(ness["wall"]), fmt_s(ness["cpu"]), f"{ness['rss_mb']:.0f}",
                          f"{j['solver']} ({j['solver_iterations']})", f"{ness['rel_residual_comm']:.1e}"]
        else:
            ness_cells = ["killed" if ness and "killed" in ness else "failed", "-", "-", "-", "-"]
        run_mb = [x["rss_mb"] for x in (run, run1) if ok(x)]
        lines.append("| " + " | ".join([
            str(r["N"]), str(r["K"]), str(r["d"]), rhs_cell, *ness_cells,
            run_cell(run, "run"), run_cell(run1, "run1") if run1 else ("skipped" if not run else "-"),
            fmt_s(run1["cpu"]) if ok(run1) else "-",
            f"{max(run_mb):.0f}" if run_mb else "-",
            fmt_s(qt) if qt is not None else ("killed" if q and "killed" in q else
                                              ("failed" if q else "not run")),
            f"{q['rss_mb']:.0f}" if ok(q) else "-",
            f"{qt / ness['wall']:.3g}" if qt is not None and ok(ness) else "-",
            f"{r.get('load_start', '?').split()[0]}-{r.get('load_end', '?').split()[0]}"]) + " |")
    return lines


def sources_lines(rows):
    """Which binary and which invocation produced which rows (a merged table mixes runs)."""
    groups = {}
    for r in rows:
        src = r.get("source", {})
        key = json.dumps([src.get("nessie"), src.get("bench_rhs"), src.get("date"), src.get("command"),
                          src.get("file")], sort_keys=True)
        groups.setdefault(key, (src, []))[1].append(r)
    out = []
    for src, rs in groups.values():
        nb = src.get("nessie") or {}
        rb = src.get("bench_rhs") or {}
        ns = ", ".join(str(r["N"]) for r in rs)
        out.append(f"- N = {ns}: nessie {nb.get('path', '?')} (sha256 {nb.get('sha256', '?')}, built "
                   f"{nb.get('mtime', '?')}), bench_rhs {rb.get('path', '-')} (sha256 {rb.get('sha256', '-')}); "
                   f"measured {src.get('date', '?')}" + (f" (from {src['file']})" if src.get("file") else ""))
        if src.get("command"):
            out.append(f"  command: `{src['command']}`")
    notes = {}
    for r in rows:
        for k in ("qutip_stop_after", "qutip_note"):
            if r.get(k):
                notes.setdefault(r[k], []).append(str(r["N"]))
    for note, ns in notes.items():
        out.append(f"- QuTiP (N = {', '.join(ns)}): {note}")
    return out


def make_figure(rows, png):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import LogLocator, ScalarFormatter
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(12, 6.2), gridspec_kw=dict(width_ratios=[1.25, 1]))
    d_all = [r["d"] for r in rows]
    s0 = settings_of(rows[-1])

    def series(f):
        xs, ys = [], []
        for r in rows:
            v = f(r)
            if v is not None and math.isfinite(v):
                xs.append(r["d"])
                ys.append(v)
        return xs, ys

    full = lambda r, k: r[k]["wall"] if ok(r.get(k)) and not short_run(r) else None  # noqa: E731
    curves = [
        ("one right-hand side (bench_rhs, default threads)",
         lambda r: r["rhs"]["rhs_ms"] * 1e-3 if ok(r.get("rhs")) else None, "d-", "tab:purple", None),
        ("one right-hand side (bench_rhs, 1 thread)",
         lambda r: r["rhs1"]["rhs_ms"] * 1e-3 if ok(r.get("rhs1")) else None, "d--", "tab:purple", None),
        ("nessie ness (auto solver)", lambda r: r["ness"]["wall"] if ok(r.get("ness")) else None, "o-", "tab:blue",
         lambda r: r["ness"]["rss_mb"] if ok(r.get("ness")) else None),
        (f"nessie run t={s0['run_t_end']:g} (default threads)", lambda r: full(r, "run"), "s-", "tab:orange",
         lambda r: max(x["rss_mb"] for x in (r.get("run"), r.get("run1")) if ok(x))
         if any(ok(x) for x in (r.get("run"), r.get("run1"))) else None),
        (f"nessie run t={s0['run_t_end']:g} (1 thread)", lambda r: full(r, "run1"), "s--", "tab:orange", None),
        (f"nessie run t={s0['run_t_end']:g}, integration only (1 thread; N > {s0['run_nmax']} scaled from "
         f"t={s0['run_short_t_end']:g})",
         lambda r: (integration_per_unit_time(r, "run1") or math.nan) * settings_of(r)["run_t_end"], "x:", "tab:red",
         None),
        ("QuTiP bloch_redfield_tensor + steadystate",
         lambda r: (r["qutip"]["json"]["tensor"] + r["qutip"]["json"]["steady"]) if ok(r.get("qutip")) else None,
         "^-", "tab:green", lambda r: r["qutip"]["rss_mb"] if ok(r.get("qutip")) else None),
    ]
    for label, f, style, color, fm in curves:
        xs, ys = series(f)
        if xs:
            ax.loglog(xs, ys, style, color=color, label=label, ms=5)
        if fm is not None:
            xs, ys = series(fm)
            if xs:
                bx.loglog(xs, ys, style, color=color, ms=5,
                          label=label.split(" (")[0].replace("bloch_redfield_tensor + steadystate", "worker"))
    # reference slopes d^3 through the largest RHS point
    xs, ys = series(lambda r: r["rhs1"]["rhs_ms"] * 1e-3 if ok(r.get("rhs1")) else None)
    if xs:
        dd = np.array([xs[0], xs[-1]], dtype=float)
        ax.loglog(dd, ys[-1] * (dd / xs[-1]) ** 3, color="gray", lw=0.8, alpha=0.6, label="slope d^3 (guide)")
    ax.axhline(20.0, color="gray", lw=0.6, ls=":")
    ax.axhline(120.0, color="gray", lw=0.6, ls="-.")
    ax.text(d_all[0], 22.0, "20 s (issue 6: N=12 ness)", fontsize=7, color="gray")
    ax.text(d_all[0], 132.0, "120 s (issue 6: N=10 run t=100)", fontsize=7, color="gray")
    ax.set_xlabel("d = C(N, N/2)")
    ax.set_ylabel("wall time (s)")
    loads = [float(x.split()[0]) for r in rows for x in (r.get("load_start", "?"), r.get("load_end", "?")) if x != "?"]
    reps = sorted({settings_of(r)["repeat"] for r in rows})
    rep = "/".join(str(x) for x in reps)
    ax.set_title(f"time vs d (best of {rep}; 1-min load average {min(loads):.1f}-{max(loads):.1f} on "
                 f"{os.cpu_count()} cores)" if loads else f"time vs d (best of {rep})", fontsize=9)
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, frameon=False)
    ax.grid(True, which="both", alpha=0.3)
    ax.set_xticks(d_all)
    ax.set_xticklabels([str(x) for x in d_all], fontsize=7)
    ax.minorticks_off()
    bx.set_xlabel("d = C(N, N/2)")
    bx.set_ylabel("peak RSS (MB)")
    bx.set_title("peak memory of the process (/usr/bin/time -v)", fontsize=9)
    bx.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=1, frameon=False)
    bx.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    bx.yaxis.set_major_formatter(ScalarFormatter())
    bx.grid(True, which="both", alpha=0.3)
    bx.set_xticks(d_all)
    bx.set_xticklabels([str(x) for x in d_all], fontsize=7)
    bx.minorticks_off()
    fig.tight_layout()
    os.makedirs(os.path.dirname(os.path.abspath(png)), exist_ok=True)
    fig.savefig(png, dpi=120)
    plt.close(fig)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nessie", default=os.path.join(HERE, "..", "build", "nessie"))
    ap.add_argument("--bench-rhs", default=os.path.join(HERE, "..", "build", "bench", "bench_rhs"),
                    help="bench_rhs executable for the 'one RHS' column (cmake --build build --target bench_rhs)")
    ap.add_argument("--no-rhs", action="store_true", help="skip the bench_rhs column")
    ap.add_argument("--nmin", type=int, default=4)
    ap.add_argument("--nmax", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--long", type=float, default=30.0, help="do not repeat a measurement whose first call took longer")
    ap.add_argument("--run-t-end", type=float, default=100.0)
    ap.add_argument("--run-nmax", type=int, default=10)
    ap.add_argument("--run-short-t-end", type=float, default=2.0, help="t-end for N > --run-nmax (0: skip)")
    ap.add_argument("--run-short-mode", choices=("full", "watch"), default="full",
                    help="for N > --run-nmax: 'full' times the whole short run (including the checks after the "
                         "integration: spectral gap); 'watch' times the integration from nessie's progress lines "
                         "and kills the process when it reaches --run-short-t-end")
    ap.add_argument("--no-single-thread", action="store_true", help="skip the OMP_NUM_THREADS=1 run column")
    ap.add_argument("--qutip-max-dim", type=int, default=70)
    ap.add_argument("--qutip-limit", type=float, default=120.0)
    ap.add_argument("--qutip-kill", type=float, default=600.0)
    ap.add_argument("--no-qutip", action="store_true")
    ap.add_argument("--nessie-kill", type=float, default=900.0,
                    help="kill a nessie process after this many seconds (reported as killed)")
    ap.add_argument("--png", default=os.path.join(HERE, "..", "docs", "figures", "scaling.png"))
    ap.add_argument("--json-out", default=None,
                    help="all rows (merged ones included) as JSON; rewritten after every size")
    ap.add_argument("--merge", action="append", default=[], metavar="OLD.json",
                    help="combine with the rows of an earlier --json-out (repeatable; rows of this run replace rows "
                         "of the same N, later files replace earlier ones); table, exponents and PNG are made "
                         "from the union")
    ap.add_argument("--merge-only", action="store_true", help="measure nothing: only merge --merge files")
    ap.add_argument("--fit-dmin", type=int, default=70, help="fit the exponents over d >= this")
    ap.add_argument("--qutip-worker", nargs=2, type=int, metavar=("N", "K"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.qutip_worker:
        return qutip_worker(*a.qutip_worker)
    if a.merge_only and not a.merge:
        ap.error("--merge-only needs --merge OLD.json")

    old = {}
    for path in a.merge:
        for r in load_rows(path):
            old[r["N"]] = r
    if a.merge:
        print(f"merging {len(old)} rows (N = {', '.join(str(n) for n in sorted(old))}) from {', '.join(a.merge)}")

    rows = []

    def union():
        u = dict(old)
        for r in rows:
            u[r["N"]] = r
        return [u[n] for n in sorted(u)]

    def write_json():
        if a.json_out:
            tmp = a.json_out + ".tmp"
            with open(tmp, "w") as f:
                json.dump(dict(machine=bc.machine(), rows=[clean(r) for r in union()]), f, indent=1)
            os.replace(tmp, a.json_out)

    sizes = [] if a.merge_only else list(range(a.nmin, a.nmax + 1))
    if sizes:
        nessie = os.path.realpath(a.nessie)
        rhs_exe = None if a.no_rhs else os.path.realpath(a.bench_rhs)
        if rhs_exe and not os.path.exists(rhs_exe):
            print(f"bench_rhs not found at {rhs_exe}: the one-RHS column is skipped")
            rhs_exe = None
        source = dict(nessie=file_id(nessie), bench_rhs=file_id(rhs_exe) if rhs_exe else None,
                      date=time.strftime("%Y-%m-%d %H:%M"),
                      command=" ".join(["/usr/bin/python3", os.path.relpath(os.path.abspath(__file__))] + sys.argv[1:]))
        settings = dict(repeat=a.repeat, long=a.long, run_t_end=a.run_t_end, run_nmax=a.run_nmax,
                        run_short_t_end=a.run_short_t_end, run_short_mode=a.run_short_mode, nessie_kill=a.nessie_kill, qutip_max_dim=a.qutip_max_dim,
                        qutip_limit=a.qutip_limit, qutip_kill=a.qutip_kill)
        print(f"machine: {bc.machine()}")
        print(f"nessie {nessie} (sha256 {source['nessie']['sha256']}); bench_rhs {rhs_exe}; "
              f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '(unset)')}")
        print(f"best of {a.repeat} (a measurement is not repeated once it took > {a.long:g} s); "
              f"run: t-end {a.run_t_end:g} for N <= {a.run_nmax}, t-end {a.run_short_t_end:g} beyond "
              f"({'skipped' if a.run_short_t_end <= 0 else 'separate column'})\n", flush=True)

    workdir = tempfile.mkdtemp(prefix="bench_scaling_")
    qutip_stop = None if not a.no_qutip else "not run (--no-qutip)"
    for n in sizes:
        up = n // 2
        d = math.comb(n, up)
        row = dict(N=n, K=up, d=d, load_start=bc.load(), settings=settings, source=source)
        t_end = a.run_t_end if n <= a.run_nmax else (a.run_short_t_end if a.run_short_t_end > 0 else None)
        row["run_t_end"] = t_end
        if qutip_stop is None and d > a.qutip_max_dim:
            qutip_stop = f"not run for d > {a.qutip_max_dim} (--qutip-max-dim)"
            print(f"QuTiP {qutip_stop}")
        if qutip_stop is not None:
            row["qutip_note"] = qutip_stop
        tasks = {"ness": dict(cmd=nessie_ness(nessie, n, up, os.path.join(workdir, "ness.h5")), env=None)}
        if t_end is not None:
            rcmd = nessie_run(nessie, n, up, t_end, os.path.join(workdir, "run.h5"))
            watch = n > a.run_nmax and a.run_short_mode == "watch"
            if watch:
                rcmd = [x for x in rcmd if x not in ("--quiet", "--json")]
            tasks["run"] = dict(cmd=rcmd, env=None, watch=watch)
            if not a.no_single_thread:
                tasks["run1"] = dict(cmd=rcmd, env={"OMP_NUM_THREADS": "1"}, watch=watch)
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
                if task.get("watch"):
                    r = watched_run(task["cmd"], task["env"], t_end, timeout)
                    results[name].append(r)
                    if not ok(r):
                        print(f"  {name}: {r.get('killed') or r.get('failed')}", flush=True)
                        done.add(name)
                    elif r["wall"] > a.long:
                        done.add(name)
                    continue
                try:
                    r = bc.timed(task["cmd"], env=task["env"], timeout=timeout)
                except bc.Timeout as e:
                    results[name].append(dict(wall=math.inf, killed=str(e)))
                    done.add(name)
                    continue
                if r["returncode"] != 0:
                    msg = f"exit {r['returncode']}: {r['stderr'].strip()[-500:]}"
                    print(f"  {name} FAILED ({msg}): {' '.join(task['cmd'])}", flush=True)
                    results[name].append(dict(wall=math.inf, failed=msg, rss_mb=r["rss_mb"]))
                    done.add(name)
                    continue
                r["json"] = json.loads(r["stdout"])
                if name == "ness":
                    r["rel_residual_comm"], r["rel_residual_omega"] = relative_residuals(
                        os.path.join(workdir, "ness.h5"), r["json"]["residual"])
                results[name].append(r)
                if r["wall"] > a.long:
                    done.add(name)
            if rep == 0 and rhs_exe:  # bench_rhs takes the best of its own batches: one call per size
                row["rhs"] = bench_rhs(rhs_exe, n, 0, a.nessie_kill)
                row["rhs1"] = bench_rhs(rhs_exe, n, 1, a.nessie_kill)
        for name, rs in results.items():
            if tasks[name].get("watch"):
                best = min(rs, key=lambda r: r.get("integration", math.inf))
                best["all_integrations"] = [r.get("integration", math.inf) for r in rs]
            else:
                best = min(rs, key=lambda r: r["wall"])
            best["all_walls"] = [r["wall"] for r in rs]
            row[name] = best
        row["load_end"] = bc.load()
        rows.append(row)

        # ---- report this size
        ness = row["ness"]
        print(f"N={n} K={up} d={d} (load {row['load_start']} -> {row['load_end']})")
        for key in ("rhs", "rhs1"):
            x = row.get(key)
            if x is None:
                continue
            if not ok(x):
                print(f"  {key}: {x['failed']} ({x['cmd']})")
                continue
            print(f"  one RHS ({x['cmd']}): {x['rhs_ms']:.4g} ms, one complex GEMM {x['gemm_ms']:.4g} ms, "
                  f"RHS/GEMM {x['rhs_over_gemm']:.2f}, {x['rhs_gflops']:.2f} vs {x['gemm_gflops']:.2f} GFLOP/s")
        print(f"  ness: {' '.join(tasks['ness']['cmd'])}")
        if ok(ness):
            j = ness["json"]
            print(f"    wall {', '.join(f'{w:.3f}' for w in ness['all_walls'])} s, cpu {ness['cpu']:.2f} s, "
                  f"peak RSS {ness['rss_mb']:.1f} MB; solver {j['solver']}, {j['solver_iterations']} GMRES "
                  f"iterations, residual {j['residual']:.2e} (relative: {ness['rel_residual_comm']:.2e} of "
                  f"||[H,rho]||, {ness['rel_residual_omega']:.2e} of omega_max ||rho||)")
        else:
            print(f"    {ness.get('killed') or ness.get('failed')}")
        for name in ("run", "run1"):
            if name not in row:
                continue
            r = row[name]
            print(f"  {name} {'(OMP_NUM_THREADS=1)' if name == 'run1' else '(default threads)'}: "
                  f"{' '.join(tasks[name]['cmd'])}")
            if not ok(r):
                print(f"    {r.get('killed') or r.get('failed')}")
                continue
            est = run_estimate(row, name)
            if r.get("watched"):
                print(f"    watched: set-up (to the t = 0 progress line) {r['setup']:.3f} s, integration to t = "
                      f"{t_end:g} {r['integration']:.3f} s (all: {', '.join(f'{x:.3f}' for x in r['all_integrations'])}"
                      f"), then killed (wall {r['wall']:.3f} s, cpu {r['cpu']:.2f} s, peak RSS {r['rss_mb']:.1f} MB); "
                      f"integration time per unit time {r['integration'] / t_end:.3g} s; estimated set-up + "
                      f"integration for t-end {a.run_t_end:g}: {est:.0f} s (the checks after the integration not "
                      f"included)")
                continue
            s = r["json"]["solver"]
            print(f"    wall {', '.join(f'{w:.3f}' for w in r['all_walls'])} s, cpu {r['cpu']:.2f} s, peak RSS "
                  f"{r['rss_mb']:.1f} MB; integration {s['wall_seconds']:.3f} s, {s['accepted_steps']} steps "
                  f"({s['rejected_steps']} rejected), {s['rhs_evaluations']} RHS evaluations "
                  f"({1e3 * s['wall_seconds'] / max(1, s['rhs_evaluations']):.3f} ms each); integration time per "
                  f"unit time {s['wall_seconds'] / t_end:.3g} s" +
                  (f"; estimated wall for t-end {a.run_t_end:g}: {est:.0f} s" if est is not None else ""))
        if "qutip" in row:
            q = row["qutip"]
            if not ok(q):
                print(f"  qutip: {q.get('killed') or q.get('failed')}")
                qutip_stop = (f"not run for d > {d}: the worker for d = {d} was "
                              f"{'killed after ' + format(a.qutip_kill, 'g') + ' s' if 'killed' in q else 'failed'}")
                row["qutip_stop_after"] = qutip_stop
            else:
                qj = q["json"]
                dp = (float(np.max(np.abs(np.array(qj["populations"]) - np.array(ness["json"]["populations"]))))
                      if ok(ness) else float("nan"))
                q["population_difference"] = dp
                print(f"  qutip worker: wall {', '.join(f'{w:.3f}' for w in q['all_walls'])} s (includes QuTiP import "
                      f"{qj['import_seconds']:.2f} s), cpu {q['cpu']:.2f} s, peak RSS {q['rss_mb']:.1f} MB "
                      f"(after import {qj['rss_after_import_mb']:.0f} MB); best: build {qj['build']:.3f} s, "
                      f"bloch_redfield_tensor {qj['tensor']:.3f} s (nnz {qj['tensor_nnz']}), steadystate "
                      f"{qj['steady']:.3f} s, total {qj['total']:.3f} s; max |populations qutip - nessie| {dp:.1e}")
                if qj["total"] > a.qutip_limit:
                    qutip_stop = (f"not run for d > {d}: the call at d = {d} took {qj['total']:.0f} s > "
                                  f"{a.qutip_limit:g} s (--qutip-limit)")
                    row["qutip_stop_after"] = qutip_stop
                    print(f"  QuTiP {qutip_stop}")
        print(flush=True)
        write_json()

    for name in os.listdir(workdir):
        os.remove(os.path.join(workdir, name))
    os.rmdir(workdir)

    allrows = union()
    if not allrows:
        print("no rows")
        return 1
    write_json()
    print(f"machine: {bc.machine()}")
    print()
    print("\n".join(table_lines(allrows)))
    print("\nColumns: one RHS = bench_rhs (RedfieldGenerator::apply_product_hermitian, best batch mean), default "
          "threads (1 thread); wall seconds of the whole nessie process (best of the repeats), its CPU seconds, peak "
          "RSS; relative residual = ||L rho||_F / ||[H, rho]||_F; run = `nessie run --t-end 100 --dt-out 1` with "
          "default threads, run 1thr with OMP_NUM_THREADS=1 (for N > run-nmax a short run, and the t = 100 wall "
          "estimated as start-up + integration scaled to t = 100; with --run-short-mode watch only the integration "
          "is timed and the checks after it are not run); QuTiP = bloch_redfield_tensor + steadystate inside "
          "the worker (model building and import excluded), QuTiP MB = the worker's peak RSS (includes the import); "
          "QuTiP/ness = (QuTiP tensor + steadystate) / nessie ness wall; load = 1-minute load average before -> after "
          "the size.\n")
    print("\n".join(sources_lines(allrows)))
    print("\nExponents: slope of log(time or memory) against log(d)\n")
    print("\n".join(exponent_table(allrows, a.fit_dmin)))

    if a.png:
        make_figure(allrows, a.png)
        print(f"\nfigure: {os.path.abspath(a.png)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
