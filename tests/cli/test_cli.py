#!/usr/bin/python3
"""End-to-end tests of the nessie executable: bad input, output files, JSON summaries, signals, kills, fuzzing.

Usage: test_cli.py --nessie PATH [--only NAME]. Prints one line per test and 'N passed, M failed'; exit 1 on failure.
"""
import argparse
import json
import os
import random
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import traceback

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
NESSIE = None
TESTS = []


def test(function):
    TESTS.append(function)
    return function


def run(args, cwd=None, timeout=120):
    return subprocess.run([NESSIE] + args, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


@test
def bad_inputs_give_exit_2_one_line_and_no_file():
    """Every row of bad_inputs.tsv: the exit code, the message, one line on stderr, no output file left behind."""
    rows = 0
    lines = []
    for name in ("bad_inputs.tsv", "bad_inputs_sweep.tsv"):
        with open(os.path.join(HERE, name)) as table:
            lines += table.readlines()
    for line in lines:
        if not line.strip() or line.startswith("#") or line.startswith("subcommand\t"):
            continue
        subcommand, arguments, code, message = line.rstrip("\n").split("\t")
        with tempfile.TemporaryDirectory() as folder:
            existing = os.path.join(folder, "existing.h5")
            with open(existing, "w") as f:
                f.write("keep me")
            args = shlex.split(arguments.replace("EXISTING", existing).replace("CONFIGS", os.path.join(HERE, "configs")))
            message = message.replace("EXISTING", existing)
            if subcommand:
                args = [subcommand] + args
            out = run(args, cwd=folder)
            where = f"nessie {' '.join(args)}"
            check(out.returncode == int(code), f"{where}: exit {out.returncode}, expected {code}: {out.stderr}")
            check(message in out.stderr, f"{where}: stderr {out.stderr!r} lacks {message!r}")
            check(out.stderr.count("\n") == 1, f"{where}: stderr is not one line: {out.stderr!r}")
            check(sorted(os.listdir(folder)) == ["existing.h5"], f"{where}: left files {os.listdir(folder)}")
            with open(existing) as f:
                check(f.read() == "keep me", f"{where}: changed an existing file")
        rows += 1
    check(rows >= 20, f"only {rows} bad-input rows")


@test
def ness_json_has_the_documented_keys_and_balanced_currents():
    out = run(["ness", "--json"])
    check(out.returncode == 0, out.stderr)
    j = json.loads(out.stdout)
    for key in ["dimension", "energies", "populations", "bath_heat_currents", "local_heat_currents", "spin_currents",
                "ergotropy", "energy", "min_eigenvalue", "residual", "purity", "von_neumann_entropy"]:
        check(key in j, f"missing key {key}")
    check(j["dimension"] == 6, "paper setup has dimension 6")
    check(abs(sum(b["current"] for b in j["bath_heat_currents"])) < 1e-14, "bath currents do not balance")
    check(j["residual"] < 1e-12, "residual")


@test
def ness_output_file_round_trips_and_is_not_overwritten():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "ness.h5")
        out = run(["ness", "--json", "--output", path, "--delta", "1.5"])
        check(out.returncode == 0, out.stderr)
        j = json.loads(out.stdout)
        with h5py.File(path, "r") as f:
            check(f.attrs["status"] == "complete", "status")
            check(np.allclose(f["ness/populations"][:], j["populations"], atol=1e-15), "populations")
            check(abs(f["ness"].attrs["ergotropy"] - j["ergotropy"]) < 1e-15, "ergotropy")
            rho = f["ness/rho"][:]
            check(rho.dtype == np.complex128 and rho.shape == (6, 6), "rho dtype/shape")
            check(abs(np.trace(rho) - 1) < 1e-13, "trace")
            check(f["parameters"].attrs["delta"] == 1.5, "parameters")
        before = os.path.getmtime(path)
        out = run(["ness", "--output", path])
        check(out.returncode == 2 and "--force" in out.stderr, "overwrite refused")
        check(os.path.getmtime(path) == before, "file untouched")
        check(run(["ness", "--output", path, "--force"]).returncode == 0, "--force overwrites")
        check(sorted(os.listdir(folder)) == ["ness.h5"], f"temporary files left: {os.listdir(folder)}")


@test
def run_json_summary_and_file_agree_and_match_the_direct_ness():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "run.h5")
        out = run(["run", "--json", "--quiet", "--output", path, "--initial", "udud", "--gamma", "0.05",
                   "--t-end", "300", "--dt-out", "5", "--atol", "1e-12", "--rtol", "1e-10"])
        check(out.returncode == 0, out.stderr)
        check(out.stderr == "", f"--quiet printed {out.stderr!r}")
        j = json.loads(out.stdout)
        for key in ["final", "ness", "checks", "positivity", "solver", "status", "samples"]:
            check(key in j, f"missing {key}")
        for key in ["energies", "populations", "bath_heat_currents", "spin_currents", "ergotropy"]:
            check(key in j["final"], f"final lacks {key}")
        check(j["status"] == "complete" and j["samples"] == 61, "status/samples")
        check(j["checks"]["trace_distance_to_ness"] < 1e-7, "final state is the NESS")
        ratio = j["checks"]["relaxation_rate_over_gap"]
        check(ratio is not None and 0.8 < ratio < 1.25, f"relaxation rate over gap {ratio}")
        with h5py.File(path, "r") as f:
            check(f.attrs["status"] == "complete", "status attribute")
            t = f["timeseries/time"][:]
            check(len(t) == 61 and t[-1] == 300.0, "times")
            check(np.max(np.abs(f["timeseries/trace_error"][:])) < 1e-9, "trace preserved")
            check(f["timeseries/bath_heat_currents"].shape == (61, 2), "bath current shape")
            check(abs(f["timeseries/ergotropy"][-1] - j["final"]["ergotropy"]) < 1e-15, "file and JSON agree")
            check(f["solver"].attrs["accepted_steps"] == j["solver"]["accepted_steps"], "solver stats")


@test
def rhs_and_gap_choices_are_reported_and_give_the_same_run():
    results = {}
    for rhs in ["dense", "matrix-free"]:
        out = run(["run", "--json", "--quiet", "--output", "/dev/null", "--force", "--initial", "udud", "--t-end", "20",
                   "--rhs", rhs, "--gap", "no" if rhs == "dense" else "yes"])
        check(out.returncode == 0, out.stderr)
        results[rhs] = json.loads(out.stdout)
    dense, free = results["dense"], results["matrix-free"]
    check(dense["solver"]["right_hand_side"] == "dense" and free["solver"]["right_hand_side"] == "matrix-free",
          "the right-hand side used is reported")
    check(abs(dense["final"]["ergotropy"] - free["final"]["ergotropy"]) < 1e-10, "both right-hand sides agree")
    check(dense["checks"]["spectral_gap_method"] == "skipped" and dense["checks"]["spectral_gap"] is None,
          "--gap no skips the gap")
    check(free["checks"]["spectral_gap_method"] == "dense" and free["checks"]["spectral_gap"] > 0, "--gap yes")
    out = run(["run", "--json", "--quiet", "--output", "/dev/null", "--force", "--t-end", "1"])
    check(json.loads(out.stdout)["solver"]["right_hand_side"] == "dense", "auto picks dense for d = 6")


@test
def an_output_that_is_not_a_regular_file_is_written_in_place_never_replaced():
    # ness, sweep and spectrum write a temporary file and rename it into place; onto /dev/null (as root) that rename
    # replaced the device node with a regular file. A FIFO stands in for the device here: it must still be a FIFO
    # afterwards (writing HDF5 into it may fail, it cannot seek), and /dev/null, used by many tests, a device.
    import stat
    with tempfile.TemporaryDirectory() as folder:
        fifo = os.path.join(folder, "pipe")
        os.mkfifo(fifo)
        for args in (["ness"], ["sweep", "--scan", "delta=0:1:2"], ["spectrum", "--scan", "delta=0:1:2"]):
            run(args + ["--quiet", "--output", fifo, "--force"], timeout=60)
            check(stat.S_ISFIFO(os.stat(fifo).st_mode), f"{args[0]} replaced the FIFO it was given as --output")
            check(os.listdir(folder) == ["pipe"], f"{args[0]} left files behind: {os.listdir(folder)}")
    out = run(["ness", "--quiet", "--output", "/dev/null", "--force"])
    check(out.returncode == 0, out.stderr)
    check(stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null is no longer a character device")


@test
def frames_are_recorded_and_both_reach_the_same_state():
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for frame in ["interaction", "lab"]:
            path = os.path.join(folder, f"frame_{frame}.h5")
            out = run(["run", "--json", "--quiet", "--output", path, "--initial", "udud", "--t-end", "50",
                       "--frame", frame])
            check(out.returncode == 0, out.stderr)
            results[frame] = json.loads(out.stdout)
            with h5py.File(path, "r") as f:
                check(f["parameters"].attrs["frame"] == frame and f["solver"].attrs["frame"] == frame,
                      f"frame {frame} recorded in the file")
            check(results[frame]["solver"]["frame"] == frame, f"frame {frame} in the JSON")
    a, b = results["interaction"], results["lab"]
    check(abs(a["final"]["ergotropy"] - b["final"]["ergotropy"]) < 1e-7, "both frames reach the same state")
    check(abs(a["final"]["distance_to_ness"] - b["final"]["distance_to_ness"]) < 1e-7, "same distance to the NESS")
    check(a["solver"]["accepted_steps"] < b["solver"]["accepted_steps"], "the interaction frame takes fewer steps")
    out = run(["run", "--json", "--quiet", "--output", "/dev/null", "--force", "--t-end", "1"])
    check(json.loads(out.stdout)["solver"]["frame"] == "interaction", "the interaction frame is the default")


@test
def until_steady_stops_early_once_the_distance_to_the_ness_is_below_the_tolerance():
    out = run(["run", "--json", "--quiet", "--output", "/dev/null", "--force", "--initial", "udud", "--gamma", "0.05",
               "--t-end", "100000", "--dt-out", "1", "--until-steady", "1e-6"])
    check(out.returncode == 0, out.stderr)
    j = json.loads(out.stdout)
    check(j["reached_until_steady"] and j["status"] == "complete", f"not stopped: {j['status']}")
    check(j["final_time"] < 1000, f"stopped only at t = {j['final_time']}")
    check(j["checks"]["trace_distance_to_ness"] < 1e-6, "the distance is below the tolerance")


@test
def positivity_violation_is_reported_with_its_time_and_absent_when_there_is_none():
    # Strong coupling, cold baths, an excited product state: the initial slip makes rho non-positive.
    out = run(["run", "--json", "--quiet", "--output", "/dev/null", "--force", "--initial", "uudd", "--gamma", "0.3",
               "--bath", "1:0.2", "--bath", "3:0.1", "--t-end", "5", "--dt-out", "0.5"])
    check(out.returncode == 0, out.stderr)
    p = json.loads(out.stdout)["positivity"]
    check(p["first_violation_time"] is not None and p["min_eigenvalue"] < -1e-6, f"violation not reported: {p}")
    check(0 < p["min_eigenvalue_time"] <= 5, "time of the violation")
    # The maximally mixed state at weak coupling stays positive.
    out = run(["run", "--json", "--quiet", "--output", "/dev/null", "--force", "--initial", "mixed", "--t-end", "20"])
    p = json.loads(out.stdout)["positivity"]
    check(p["first_violation_time"] is None and p["min_eigenvalue"] > 0, f"spurious violation: {p}")


def file_contents(path, skip=("command_line", "wall_seconds")):
    """Every dataset and attribute of an HDF5 file, by path (datasets as arrays), except the names in `skip`."""
    contents = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            for key, value in obj.attrs.items():
                if key not in skip:
                    contents[f"{name}@{key}"] = np.asarray(value)
            if isinstance(obj, h5py.Dataset):
                contents[name] = obj[()]
        visit("/", f)
        f.visititems(visit)
    return contents


@test
def one_thread_and_two_write_the_same_file():
    # By default the samples are measured and written on a second core; --threads 1 does everything on one thread.
    # Every dataset and attribute must be the same: with violations of positivity between the output times (the step
    # checks are replayed on the recording thread), with --until-steady (decided on the integration thread), and with
    # many output times, where the recording thread falls behind and the integration thread takes over the trace
    # distances (RunObserver::help_backlog).
    cases = [["--initial", "uudd", "--gamma", "0.3", "--bath", "1:0.2", "--bath", "3:0.1", "--t-end", "5", "--dt-out",
              "0.5", "--save-rho"],
             ["--initial", "udud", "--gamma", "0.05", "--t-end", "100000", "--until-steady", "1e-6"],
             ["--initial", "udud", "--t-end", "600", "--dt-out", "0.25"]]
    for case in cases:
        with tempfile.TemporaryDirectory() as folder:
            contents = []
            for threads in ["1", "0"]:
                path = os.path.join(folder, f"threads{threads}.h5")
                out = run(["run", "--quiet", "--output", path, "--threads", threads, *case])
                check(out.returncode == 0, out.stderr)
                contents.append(file_contents(path))
            one, two = contents
            check(one.keys() == two.keys(), f"different contents: {set(one.keys()) ^ set(two.keys())}")
            for key in one:
                check(np.array_equal(one[key], two[key], equal_nan=one[key].dtype.kind in "fc"),
                      f"{key} differs between --threads 1 and 0 ({' '.join(case)})")
            if "--until-steady" not in case:
                check(np.isfinite(one["checks@first_violation_time"]), "the first case has a violation")


def start_long_run(folder, extra=()):
    path = os.path.join(folder, "long.h5")
    process = subprocess.Popen([NESSIE, "run", "--output", path, "--t-end", "1e7", "--dt-out", "0.5", "--quiet",
                                "--initial", "udud", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # The writer holds HDF5's file lock, so the file is read only after the signal. Wait for the file (a sanitizer
    # build starts slowly), then give the run time to write and flush samples.
    deadline = time.time() + 120
    while not os.path.exists(path) and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(3.0)
    return process, path


@test
def sigint_and_sigterm_close_the_file_as_interrupted_and_it_can_be_continued():
    for sig, code in [(signal.SIGINT, 130), (signal.SIGTERM, 143)]:
        with tempfile.TemporaryDirectory() as folder:
            process, path = start_long_run(folder)
            process.send_signal(sig)
            stdout, stderr = process.communicate(timeout=60)
            check(process.returncode == code, f"signal {sig}: exit {process.returncode}: {stderr}")
            check("interrupted at t =" in stderr, f"no message: {stderr!r}")
            with h5py.File(path, "r") as f:
                check(f.attrs["status"] == "interrupted", "status")
                n = f["timeseries/time"].shape[0]
                check(n > 5, f"only {n} samples")
                for name in f["timeseries"]:
                    check(f["timeseries"][name].shape[0] == n, f"{name} has a different length")
                check(np.all(np.isfinite(f["timeseries/energy"][:])), "finite samples")
                t_stop = f["final"].attrs["time"]
                check(t_stop >= f["timeseries/time"][-1], "final state time")
            # Continue from the interrupted state.
            cont = run(["run", "--json", "--quiet", "--initial", "file:" + path, "--t-end", "2",
                        "--output", os.path.join(folder, "more.h5")])
            check(cont.returncode == 0, cont.stderr)


@test
def sigkill_keeps_every_flushed_sample_readable():
    with tempfile.TemporaryDirectory() as folder:
        process, path = start_long_run(folder, ["--save-rho"])
        process.kill()
        process.wait(timeout=30)
        with h5py.File(path, "r") as f:
            check(f.attrs["status"] == "running", "a killed run stays 'running'")
            t = f["timeseries/time"][:]
            check(len(t) > 5, f"only {len(t)} samples survived")
            check(np.all(np.diff(t) > 0), "times increase")
            for name in f["timeseries"]:
                check(f["timeseries"][name].shape[0] >= len(t), f"{name} shorter than time")
            rho = f["timeseries/rho"][: len(t)]
            check(np.allclose(np.trace(rho, axis1=1, axis2=2), 1, atol=1e-9), "saved states are density matrices")


@test
def a_full_disk_stops_the_run_with_exit_4_and_keeps_the_flushed_samples():
    import resource

    def small_disk():  # a 20 MB file-size limit stands in for a full disk; writes past it fail with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000_000, 20_000_000))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "full.h5")
        out = subprocess.run([NESSIE, "run", "--output", path, "--save-rho", "--t-end", "1e6", "--dt-out", "0.5",
                              "--quiet", "--initial", "udud"], capture_output=True, text=True, timeout=300,
                             preexec_fn=small_disk)
        check(out.returncode == 4, f"exit {out.returncode}: {out.stderr}")
        check(out.stderr.count("\n") == 1 and "full.h5" in out.stderr, f"message: {out.stderr!r}")
        with h5py.File(path, "r") as f:
            check(f.attrs["status"] == "failed", f"status {f.attrs['status']}")
            n = f["timeseries/time"].shape[0]
            check(n > 100, f"only {n} samples kept")
            check(np.all(np.isfinite(f["timeseries/energy"][: n])), "kept samples are finite")


@test
def sweep_points_equal_single_ness_runs_and_do_not_depend_on_threads():
    scan = ["--scan", "delta=1.5:2.5:5", "--scan", "bias=0.5:1.5:3", "--field", "2:1.7", "--field", "4:-0.3"]
    outputs = []
    with tempfile.TemporaryDirectory() as folder:
        for threads in ("1", "2"):
            out = run(["sweep", "--json", "--quiet", "--threads", threads, "--output", os.path.join(folder, threads),
                       "--csv", os.path.join(folder, threads + ".csv")] + scan)
            check(out.returncode == 0, out.stderr)
            outputs.append(json.loads(out.stdout))
            check(os.path.exists(os.path.join(folder, threads + ".csv")), "CSV written")
        with h5py.File(os.path.join(folder, "1"), "r") as f:
            check(f["results/ergotropy"].shape == (5, 3), "grid-shaped datasets")
            check(f["results/bath_heat_currents"].shape == (5, 3, 2), "trailing dimension")
            ergotropy_file = f["results/ergotropy"][:]
    one, two = outputs
    check(one["points"] == two["points"], "1 and 2 threads differ")
    check(one["scan"]["delta"] == [1.5, 1.75, 2.0, 2.25, 2.5], f"scan values {one['scan']}")
    for index in (0, 7, 14):
        point = one["points"][index]
        t_mean = 1.5  # default baths 2 and 1
        t_hot, t_cold = t_mean + point["bias"] / 2, t_mean - point["bias"] / 2
        single = run(["ness", "--json", "--delta", repr(point["delta"]), "--bath", f"1:{t_hot!r}", "--bath",
                      f"3:{t_cold!r}", "--field", "2:1.7", "--field", "4:-0.3"])
        s = json.loads(single.stdout)
        check(abs(s["ergotropy"] - point["ergotropy"]) <= 1e-14, "ergotropy differs from a single run")
        check(abs(ergotropy_file[index // 3, index % 3] - point["ergotropy"]) <= 1e-15, "file and JSON differ")
        for a, b in zip(s["bath_heat_currents"], point["bath_heat_currents"]):
            check(abs(a["current"] - b["current"]) <= 1e-14 and a["temperature"] == b["temperature"],
                  f"bath currents or temperatures differ: {a} {b}")


@test
def spectrum_finds_the_avoided_crossing_next_to_delta_2_19():
    out = run(["spectrum", "--json", "--scan", "delta=1.5:3:301"])
    check(out.returncode == 0, out.stderr)
    crossings = json.loads(out.stdout)["avoided_crossings"]
    check(crossings and crossings[0]["levels"] == [2, 3], f"crossings {crossings}")
    check(2.15 < crossings[0]["delta"] < 2.35, f"crossing at {crossings[0]['delta']}")


@test
def fuzzed_command_lines_and_configs_end_with_0_or_2_never_a_crash():
    rng = random.Random(12345)
    words = ["--sites", "--J", "--delta", "--field", "--up", "--bath", "--gamma", "--cutoff", "--initial", "--t-end",
             "--scan", "--method", "--threads", "--solver", "--report",
             "--dt-out", "--log-times", "--stepper", "--atol", "--rtol", "--until-steady", "--max-steps", "--json",
             "--quiet", "--config", "--positivity", "--bogus", "-x", "--"]
    values = ["", "0", "-1", "1e400", "nan", "inf", "3", "2:1", "1:2:3", "1:2:0.01:10", "a:b", ":", "::", "udud",
              "all", "9", "1e-300", "-0", "2.5", "thermal:1", "file:", "dopri5", "x" * 300, "\u00e9", "7:", "1:-1"]
    with tempfile.TemporaryDirectory() as folder:
        config = os.path.join(folder, "fuzz.ini")
        for case in range(150):
            args = []
            for _ in range(rng.randint(0, 6)):
                args.append(rng.choice(words))
                if rng.random() < 0.8:
                    args.append(rng.choice(values))
            if "--config" in args:
                with open(config, "w") as f:
                    for _ in range(rng.randint(0, 4)):
                        f.write(f"{rng.choice(words).lstrip('-')} = {rng.choice(values)}\n")
                args = [config if a == "--config" else a for a in args]
                args.insert(0, "--config")
            subcommand = rng.choice(["ness", "run", "sweep", "spectrum"])
            args = [subcommand] + args
            if subcommand == "run":
                args += ["--t-end", "0.5", "--output", os.path.join(folder, f"r{case}.h5"), "--force"]
            if subcommand == "sweep":
                args += ["--scan", rng.choice(["delta=0:1:3", "J=1:1:1", "bias=0:1:2", "x=1", "temp:3=1:2:2"]),
                         "--output", os.path.join(folder, f"s{case}.h5"), "--force"]
            if subcommand == "spectrum":
                args += ["--scan", rng.choice(["delta=0:1:3", "field:2=0:1:4", "delta=1:2:0"])]
            out = run(args, cwd=folder, timeout=120)
            check(out.returncode in (0, 2), f"nessie {shlex.join(args)}: exit {out.returncode}: {out.stderr[-500:]}")
            if out.returncode == 2:
                check(out.stderr.count("\n") == 1, f"nessie {shlex.join(args)}: not one line: {out.stderr!r}")


def main():
    global NESSIE
    parser = argparse.ArgumentParser()
    parser.add_argument("--nessie", required=True)
    parser.add_argument("--only")
    options = parser.parse_args()
    NESSIE = os.path.abspath(options.nessie)
    passed = failed = 0
    for function in TESTS:
        if options.only and options.only not in function.__name__:
            continue
        start = time.time()
        try:
            function()
            passed += 1
            print(f"PASS {function.__name__} ({time.time() - start:.1f} s)")
        except Exception:
            failed += 1
            print(f"FAIL {function.__name__}")
            traceback.print_exc(file=sys.stdout)
        sys.stdout.flush()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
