#!/usr/bin/python3
"""Cross-check `nessie ness --json` against the independent reference redfield_reference.py.

    compare_ness.py --nessie PATH_TO_nessie [--cases 20] [--seed S] [--tol 1e-8] [--timeout 300]

Case 0 is the paper's setup given with NO model options, so nessie's defaults are tested too (physics.md,
"System" and "Baths"). The other cases are random configurations: N in 3..6; K in 0..N or "all"; J in [0.5, 1.5];
Delta in [-1, 3]; fields in [-2, 2] on random sites; 1-3 baths on distinct sites with T in [0.5, 3],
gamma in [0.005, 0.05], wc in [5, 20], given either through --gamma/--cutoff or per bath as SITE:T:GAMMA:CUTOFF.

Both programs get the very same option strings (the reference parses them with its own CLI parser).
Every key of the reference JSON is compared with |a - b| <= tol * max(1, |b|) (b = reference), except:
  - dimension: exact;
  - populations: summed over groups of degenerate energies (|E_i - E_j| <= 1e-9 max(1, |E|)), because
    populations inside a degenerate level depend on the eigenbasis chosen;
  - residual: nessie's own residual must be <= tol (the reference's is ~1e-15).
Random draws whose steady state is not unique (a symmetry beyond K conservation: second-smallest singular value
of the generator < 1e-6) or whose populations are ill-conditioned (a level spacing between 1e-9 and 1e-6) are
redrawn, and the redraw is reported.

Prints one PASS/FAIL line per case with the largest scaled deviation and the command line, then
"N passed, M failed". Exit status: 0 all passed, 1 some failed, 2 the harness could not run nessie at all.
"""

import argparse
import json
import math
import os
import shlex
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import redfield_reference as ref  # noqa: E402

DEGENERACY = 1e-9      # energies closer than this (times max(1, |E|)) form one level
ILL_CONDITIONED = 1e-6  # level spacings in (DEGENERACY, ILL_CONDITIONED) make populations unreliable
MIN_NULL_GAP = 1e-6    # second-smallest singular value of the generator: below it the NESS is not unique
SCALAR_KEYS = ("ergotropy", "energy", "min_eigenvalue", "purity", "von_neumann_entropy")


# --------------------------------------------------------------------------------------------------------
# Random configurations.
# --------------------------------------------------------------------------------------------------------
def fmt(x: float) -> str:
    """Shortest round-trip representation, so both programs read bit-identical numbers."""
    return repr(float(x))


def random_options(rng: np.random.Generator) -> list:
    n = int(rng.integers(3, 7))
    up = "all" if rng.random() < 0.2 else str(int(rng.integers(0, n + 1)))
    opts = ["--sites", str(n), "--J", fmt(rng.uniform(0.5, 1.5)), "--delta", fmt(rng.uniform(-1, 3)), "--up", up]
    for site in sorted(rng.choice(np.arange(1, n + 1), size=int(rng.integers(1, n + 1)), replace=False)):
        opts += ["--field", f"{site}:{fmt(rng.uniform(-2, 2))}"]
    per_bath = rng.random() < 0.4
    if not per_bath:
        opts += ["--gamma", fmt(rng.uniform(0.005, 0.05)), "--cutoff", fmt(rng.uniform(5, 20))]
    # Distinct sites: never two baths on one site.
    for site in sorted(rng.choice(np.arange(1, n + 1), size=int(rng.integers(1, 4)), replace=False)):
        spec = f"{site}:{fmt(rng.uniform(0.5, 3))}"
        if per_bath:
            spec += f":{fmt(rng.uniform(0.005, 0.05))}:{fmt(rng.uniform(5, 20))}"
        opts += ["--bath", spec]
    return opts


def reference_params(opts: list) -> ref.Params:
    """Parse the option list exactly as the reference CLI does."""
    ap = argparse.ArgumentParser()
    ref.add_model_options(ap)
    return ref.params_from_args(ap.parse_args(opts))


def ill_defined(p: ref.Params, sol: ref.Ness) -> str:
    """Why this configuration is not a fair test (empty string if it is)."""
    if sol.null_gap < MIN_NULL_GAP:
        return f"steady state not unique (null gap {sol.null_gap:.1e})"
    gaps = np.diff(sol.model.E)
    scale = np.maximum(1.0, np.abs(sol.model.E[1:]))
    if np.any((gaps > DEGENERACY * scale) & (gaps < ILL_CONDITIONED * scale)):
        return f"nearly degenerate levels (spacing {gaps[gaps > DEGENERACY * scale].min():.1e})"
    return ""


# --------------------------------------------------------------------------------------------------------
# Comparison.
# --------------------------------------------------------------------------------------------------------
def level_groups(energies: np.ndarray) -> list:
    """Index groups of degenerate levels in ascending energies."""
    groups = [[0]]
    for i in range(1, len(energies)):
        if energies[i] - energies[i - 1] <= DEGENERACY * max(1.0, abs(energies[i])):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


class Comparison:
    """Accumulates scaled deviations |a - b| / max(1, |b|) and structural problems."""

    def __init__(self, tol: float):
        self.tol = tol
        self.worst = 0.0
        self.worst_key = ""
        self.problems = []

    def value(self, key: str, got, want: float) -> None:
        try:
            dev = abs(float(got) - want) / max(1.0, abs(want))
        except (TypeError, ValueError):
            self.problems.append(f"{key}: not a number ({got!r})")
            return
        if not math.isfinite(dev):
            dev = math.inf
        if dev > self.worst or not self.worst_key:
            self.worst, self.worst_key = dev, key
        if dev > self.tol:
            self.problems.append(f"{key}: nessie {got!r} vs reference {want!r}")

    def values(self, key: str, got, want) -> None:
        if not isinstance(got, list) or len(got) != len(want):
            self.problems.append(f"{key}: expected a list of {len(want)} numbers, got {got!r}")
            return
        for i, (g, w) in enumerate(zip(got, want)):
            self.value(f"{key}[{i}]", g, w)

    def keyed(self, key: str, got, want, ident) -> None:
        """Lists of objects with a 'current', matched by ident(object)."""
        try:
            got_map = {ident(x): x for x in got}
        except (TypeError, KeyError):
            self.problems.append(f"{key}: malformed entries {got!r}")
            return
        if len(got_map) != len(want):
            self.problems.append(f"{key}: expected {len(want)} entries, got {len(got)}")
        for w in want:
            g = got_map.get(ident(w))
            if g is None:
                self.problems.append(f"{key}: missing entry {ident(w)}")
                continue
            for field in ("temperature", "current"):
                if field in w:
                    self.value(f"{key}[{ident(w)}].{field}", g.get(field), w[field])

    @property
    def ok(self) -> bool:
        return not self.problems


def compare(got: dict, want: dict, tol: float) -> Comparison:
    c = Comparison(tol)
    missing = [k for k in want if k not in got]
    if missing:
        c.problems.append(f"missing keys {missing}")
    if "dimension" in got and got["dimension"] != want["dimension"]:
        c.problems.append(f"dimension: nessie {got['dimension']!r} vs reference {want['dimension']}")
    if "energies" in got:
        c.values("energies", got["energies"], want["energies"])
    if "populations" in got:
        pops = got["populations"]
        if not isinstance(pops, list) or len(pops) != len(want["populations"]):
            c.problems.append(f"populations: expected {len(want['populations'])} numbers, got {pops!r}")
        else:
            for grp in level_groups(np.array(want["energies"])):
                name = f"populations[{grp[0]}]" if len(grp) == 1 else f"populations[{grp[0]}..{grp[-1]}](sum)"
                try:
                    g = sum(float(pops[i]) for i in grp)
                except (TypeError, ValueError):
                    c.problems.append(f"populations: not numbers ({pops!r})")
                    break
                c.value(name, g, sum(want["populations"][i] for i in grp))
    if "bath_heat_currents" in got:
        # Baths are on distinct sites here, so the site identifies the bath.
        c.keyed("bath_heat_currents", got["bath_heat_currents"], want["bath_heat_currents"], lambda x: x["site"])
    if "local_heat_currents" in got:
        c.keyed("local_heat_currents", got["local_heat_currents"], want["local_heat_currents"], lambda x: x["site"])
    if "spin_currents" in got:
        c.keyed("spin_currents", got["spin_currents"], want["spin_currents"], lambda x: tuple(x["bond"]))
    for key in SCALAR_KEYS:
        if key in got:
            c.value(key, got[key], want[key])
    if "residual" in got:
        try:
            if not float(got["residual"]) <= tol:
                c.problems.append(f"residual: nessie reports {got['residual']!r} > tol {tol}")
        except (TypeError, ValueError):
            c.problems.append(f"residual: not a number ({got['residual']!r})")
    return c


# --------------------------------------------------------------------------------------------------------
# Running nessie.
# --------------------------------------------------------------------------------------------------------
class NessieFailed(Exception):
    pass


def run_nessie(cmd: list, timeout: float) -> dict:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise NessieFailed(f"timed out after {timeout} s")
    except OSError as e:
        raise NessieFailed(f"could not start: {e}")
    if proc.returncode != 0:
        raise NessieFailed(f"exit status {proc.returncode}; stderr:\n{proc.stderr.rstrip()}")
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        raise NessieFailed(f"stdout is not JSON ({e}); stdout starts with {proc.stdout[:300]!r}; "
                           f"stderr:\n{proc.stderr.rstrip()}")


def indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Compare `nessie ness --json` with the Python reference.")
    ap.add_argument("--nessie", required=True, help="path to the nessie binary")
    ap.add_argument("--cases", type=int, default=20, help="number of cases, including the paper's setup (20)")
    ap.add_argument("--seed", type=int, default=20240601, help="seed of the random configurations")
    ap.add_argument("--tol", type=float, default=1e-8, help="tolerance: |a - b| <= tol * max(1, |b|) (1e-8)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds allowed per nessie run (300)")
    a = ap.parse_args(argv)

    if not (os.path.isfile(a.nessie) and os.access(a.nessie, os.X_OK)):
        print(f"compare_ness.py: error: nessie binary {a.nessie!r} does not exist or is not executable",
              file=sys.stderr)
        return 2
    nessie = os.path.abspath(a.nessie)
    rng = np.random.default_rng(a.seed)
    print(f"compare_ness.py: {a.cases} cases, seed {a.seed}, tol {a.tol:g}, nessie {nessie}")

    passed = failed = 0
    for case in range(a.cases):
        # Case 0: the paper's setup through nessie's defaults.
        while True:
            opts = [] if case == 0 else random_options(rng)
            p = reference_params(opts)
            sol = ref.ness(p)
            why = ill_defined(p, sol)
            if not why:
                break
            print(f"redraw case {case}: {why}: {shlex.join(opts)}")
        want = ref.observables_of(p, sol)
        cmd = [nessie, "ness", "--json", *opts]
        line = shlex.join(["nessie", "ness", "--json", *opts])
        try:
            c = compare(run_nessie(cmd, a.timeout), want, a.tol)
        except NessieFailed as e:
            failed += 1
            print(f"FAIL case {case}: nessie failed: {line}\n{indent(str(e))}")
            continue
        if c.ok:
            passed += 1
            print(f"PASS case {case}: max dev {c.worst:.1e} ({c.worst_key}): {line}")
        else:
            failed += 1
            print(f"FAIL case {case}: max dev {c.worst:.1e} ({c.worst_key}): {line}")
            print(indent("\n".join(c.problems[:20] + ([f"... {len(c.problems) - 20} more"]
                                                       if len(c.problems) > 20 else []))))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
