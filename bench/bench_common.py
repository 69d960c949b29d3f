"""Helpers shared by bench_scaling.py and bench_sweep_vs_qutip.py (not a benchmark itself).

- machine(): nproc, CPU model, kernel, load average (the machine is shared: always print it next to timings);
- timed(cmd): wall time, CPU time and peak RSS of one process, measured with /usr/bin/time -v;
- qutip_problem(): H and a_ops of physics.md in a K sector, built with QuTiP's own operators, independently of
  nessie and of scripts/reference (same construction as bench_run_vs_qutip.py, with every parameter exposed);
- ergotropy(), heat current of one bath from QuTiP's Bloch-Redfield tensor.
"""

import functools
import math
import os
import platform
import subprocess
import tempfile
import time

import numpy as np

J_DEFAULT, DELTA_DEFAULT = 1.0, 2.0
FIELDS_DEFAULT = {2: 2.0, 3: 1.0}
GAMMA, CUTOFF = 0.01, 10.0
BATHS_DEFAULT = ((1, 2.0), (3, 1.0))  # (site, temperature)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"nproc {os.cpu_count()}, CPU '{cpu}', {platform.system()} {platform.release()}, load average {load()}"


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


class Timeout(Exception):
    pass


def timed(cmd, env=None, timeout=None, cwd=None):
    """Runs cmd under /usr/bin/time -v. Returns dict(wall, user, sys, cpu, rss_mb, stdout, stderr, returncode).
    wall is measured here with perf_counter (the process only, not Python start-up of this script).
    Raises Timeout (after killing the process) if it runs longer than `timeout` seconds."""
    with tempfile.NamedTemporaryFile(prefix="bench_time_", suffix=".txt", delete=False) as tf:
        tpath = tf.name
    full = ["/usr/bin/time", "-v", "-o", tpath, *cmd]
    e = dict(os.environ)
    if env:
        e.update(env)
    t0 = time.perf_counter()
    proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=e, cwd=cwd,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)  # the process group we started (time + its child)
        proc.communicate()
        os.remove(tpath)
        raise Timeout(f"killed after {timeout:g} s: {' '.join(cmd)}")
    wall = time.perf_counter() - t0
    info = read_time_report(tpath)
    user = float(info.get("User time (seconds)", "nan"))
    sys_ = float(info.get("System time (seconds)", "nan"))
    rss = float(info.get("Maximum resident set size (kbytes)", "nan")) / 1024.0
    return dict(wall=wall, user=user, sys=sys_, cpu=user + sys_, rss_mb=rss, stdout=out, stderr=err,
                returncode=proc.returncode)


# --------------------------------------------------------------------------------------------------------
# QuTiP model (physics.md): the peer implementation.
# --------------------------------------------------------------------------------------------------------
def spectrum_function(temperature: float, gamma: float = GAMMA, cutoff: float = CUTOFF):
    """QuTiP's convention S(w) = 2 G(w), G(eps) = J(eps) [1 + n(eps)], J(w) = gamma w exp(-|w|/wc) (odd),
    G(-eps) = exp(-eps/T) G(eps), G(0) = gamma T. Memoised: QuTiP's tensor code calls it O(d^4) times with the
    same d^2 Bohr frequencies."""
    @functools.lru_cache(maxsize=None)
    def S(w: float) -> float:
        a = abs(w)
        if a == 0.0:
            return 2.0 * gamma * temperature
        g = gamma * a * math.exp(-a / cutoff) / (-math.expm1(-a / temperature))
        return 2.0 * (g if w > 0 else math.exp(-a / temperature) * g)
    return S


def qutip_problem(qutip, n: int, up: int, delta: float = DELTA_DEFAULT, hopping: float = J_DEFAULT,
                  fields=None, baths=BATHS_DEFAULT):
    """H and a_ops = [[sz_site restricted, S_b], ...] in the sector with `up` up spins (QuTiP operators, site 1 =
    first tensor factor, basis(2, 0) = up, restricted with the isometry onto the basis states with `up` zeros).
    Returns (H, a_ops, cols)."""
    fields = FIELDS_DEFAULT if fields is None else fields
    I2 = qutip.qeye(2)
    sx, sy, sz = qutip.sigmax(), qutip.sigmay(), qutip.sigmaz()
    su = (sz + I2) / 2

    def op(o, site):
        return qutip.tensor([o if l == site else I2 for l in range(1, n + 1)])

    H = 0
    for l in range(1, n + 1):
        m = l % n + 1
        H += hopping * (op(sx, l) * op(sx, m) + op(sy, l) * op(sy, m)) + delta * op(su, l) * op(su, m)
        if fields.get(l, 0.0) != 0.0:
            H += fields[l] * op(sz, l)
    cols = [i for i in range(2 ** n) if n - bin(i).count("1") == up]
    P = np.zeros((2 ** n, len(cols)))
    P[cols, range(len(cols))] = 1.0

    def restrict(o):
        return qutip.Qobj(P.T @ (o.data @ P))

    Hs = restrict(H)
    a_ops = [[restrict(op(sz, site)), spectrum_function(T)] for site, T in baths]
    return Hs, a_ops, cols


def ergotropy(rho: np.ndarray, energies: np.ndarray) -> float:
    """physics.md: E(rho) = Tr(rho H) - sum_k r_k E_k (r descending, E ascending); rho in the eigenbasis of H with
    `energies` on the diagonal of H."""
    e = np.sort(energies)
    r = np.sort(np.linalg.eigvalsh(0.5 * (rho + rho.conj().T)))[::-1]
    return float(np.real(np.sum(np.diag(rho) * energies)) - np.sum(r * e))


def qutip_heat_current(qutip, H, a_op, rho_eig) -> float:
    """j_b = Tr(H D_b[rho]), from QuTiP alone: bloch_redfield_tensor(H, [a_op]) is -i[H, .] + D_b in the eigenbasis
    of H (same H -> same eigenvectors), and Tr(H [H, rho]) = 0, so j_b = sum_m E_m (R_b rho)_mm."""
    Rb, _ = qutip.bloch_redfield_tensor(H, [a_op], use_secular=False)
    energies = np.linalg.eigvalsh(H.full())
    out = qutip.vector_to_operator(Rb * qutip.operator_to_vector(rho_eig)).full()
    return float(np.real(np.sum(energies * np.diag(out))))


def read_time_report(path: str) -> dict:
    """The "key: value" lines that /usr/bin/time -v wrote to `path`, as a dict; removes the file."""
    info = {}
    with open(path) as f:
        for line in f:
            if ": " in line:
                k, v = line.split(": ", 1)
                info[k.strip()] = v.strip()
    os.remove(path)
    return info
