#!/usr/bin/python3
"""Read a `nessie run` file with h5py and print a few quantities (docs/file-format.md describes the layout).

Usage: read_run.py [FILE]   (default nessie-run.h5)
"""
import sys

import h5py
import numpy as np

path = sys.argv[1] if len(sys.argv) > 1 else "nessie-run.h5"
with h5py.File(path, "r") as f:
    print(f"{path}: {f.attrs['kind']}, status {f.attrs['status']}")
    print("command:", f["parameters"].attrs["command_line"])
    ts = f["timeseries"]
    t = ts["time"][:]  # trust only as many samples as there are times (time is written last)
    print(f"{len(t)} samples, t = {t[0]:g} .. {t[-1]:g}")

    sites = f["parameters"].attrs["bath_sites"]
    j_run = ts["bath_heat_currents"][len(t) - 1]
    j_ness = f["ness/bath_heat_currents"][:]
    for site, a, b in zip(sites, j_run, j_ness):
        print(f"heat current from bath at site {site}: run {a:+.6e}, direct NESS {b:+.6e}")
    print(f"spin current (bond 1,2): run {ts['spin_currents'][len(t) - 1, 0]:+.6e}, "
          f"direct NESS {f['ness/spin_currents'][0]:+.6e}")

    d = ts["distance_to_ness"][: len(t)]
    for target in (1e-2, 1e-4, 1e-6):
        below = np.nonzero(d < target)[0]
        print(f"trace distance to the NESS below {target:g} from t = {t[below[0]]:g}" if len(below)
              else f"trace distance to the NESS never below {target:g}")
    lam = ts["min_eigenvalue"][: len(t)]
    print(f"smallest eigenvalue of rho at the output times: {lam.min():+.3e} at t = {t[lam.argmin()]:g}")

    # populations are in the eigenbasis, ordered like model/energies
    E = f["model/energies"][:]
    p = ts["populations"][len(t) - 1]
    print("final populations:", " ".join(f"{x:.4f}" for x in p), " energies:", " ".join(f"{e:+.3f}" for e in E))

    if "checks" in f:  # written when the run completes or is interrupted
        c = f["checks"].attrs
        print(f"relaxation rate {c['relaxation_rate']:.6f}, spectral gap {c['spectral_gap']:.6f}, "
              f"ratio {c['relaxation_rate_over_gap']:.4f}")
