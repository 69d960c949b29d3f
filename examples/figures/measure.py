"""Numbers quoted in docs/reproduction.md, measured from the nessie output in DATA_DIR.

usage: measure.py DATA_DIR
"""
import glob
import os
import sys
from collections import deque

import numpy as np

import figures_common as fc


def fmt_runs(x, labels):
    return ", ".join("%s %.3f..%.3f" % (lab or "(none)", lo, hi) for lab, lo, hi, _, _ in fc.runs(x, labels))


def crossings_text(crossings):
    return ", ".join("E%d-E%d min gap %.4f at Delta = %+.4f" % (c["levels"][1], c["levels"][0], c["gap"], c["delta"])
                     for c in sorted(crossings, key=lambda c: c["delta"]))


def components(mask):
    """4-connected components of a 2-D boolean mask: list of index arrays (rows, cols)."""
    seen = np.zeros(mask.shape, bool)
    out = []
    for start in zip(*np.nonzero(mask)):
        if seen[start]:
            continue
        q = deque([start])
        seen[start] = True
        cells = []
        while q:
            i, j = q.popleft()
            cells.append((i, j))
            for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if 0 <= a < mask.shape[0] and 0 <= b < mask.shape[1] and mask[a, b] and not seen[a, b]:
                    seen[a, b] = True
                    q.append((a, b))
        out.append(tuple(np.array(c) for c in zip(*cells)))
    return out


def fig2(data):
    print("== Fig. 2 (h2 = 2, h3 = 1, T_L = 2, T_R = 1) ==")
    k3 = fc.load_sweep(os.path.join(data, "fig2_k3.h5"))
    x = k3["delta"]
    j2, j4 = k3["local_heat_currents"][:, 1], k3["local_heat_currents"][:, 3]
    jL, jS = k3["bath_heat_currents"][:, 0], k3["spin_currents"][:, 0]
    print("K = 3: j_L = %.6e (spread %.1e over Delta %g..%g), j^S = %.6e (spread %.1e)"
          % (jL.mean(), np.ptp(jL), x[0], x[-1], jS.mean(), np.ptp(jS)))
    for name, y in (("j_2", j2), ("j_4", j4)):
        c = np.polyfit(x, y, 1)
        print("K = 3: %s = %.6e * Delta %+.6e (max deviation from the line %.1e), zero at Delta = %.4f"
              % (name, c[0], c[1], np.abs(np.polyval(c, x) - y).max(), -c[1] / c[0]))
    print("K = 3: max |j_L - (j_2 - j_4)| = %.1e" % np.abs(jL - (j2 - j4)).max())
    print("K = 3 geometry:", fmt_runs(x, fc.geometry(j2, j4)))

    k2 = fc.load_sweep(os.path.join(data, "fig2_k2.h5"))
    x = k2["delta"]
    j2, j4 = k2["local_heat_currents"][:, 1], k2["local_heat_currents"][:, 3]
    jL, jS = k2["bath_heat_currents"][:, 0], k2["spin_currents"][:, 0]
    print("K = 2: max |j_L - (j_2 - j_4)| = %.1e, max |j_L + j_R| = %.1e, spin current bond spread %.1e"
          % (np.abs(jL - (j2 - j4)).max(), np.abs(k2["bath_heat_currents"].sum(1)).max(),
             np.ptp(k2["spin_currents"], axis=1).max()))
    print("K = 2 geometry:", fmt_runs(x, fc.geometry(j2, j4)))
    print("K = 2: j_L local minima (step 1e-3):",
          ", ".join("Delta = %.3f (j_L = %.4e)" % m for m in fc.local_extrema(x, jL, "min")))
    print("K = 2: j_L local maxima (step 1e-3):",
          ", ".join("Delta = %.3f (j_L = %.4e)" % m for m in fc.local_extrema(x, jL, "max")))
    print("K = 2: j^S changes sign at Delta =", ", ".join("%.4f" % z for z in fc.sign_changes(x, jS)),
          "; j^S range %.3e..%.3e" % (jS.min(), jS.max()))

    fine = fc.load_sweep(os.path.join(data, "fig2_k2_fine.h5"))
    x = fine["delta"]
    jL, jS = fine["bath_heat_currents"][:, 0], fine["spin_currents"][:, 0]
    j2, j4 = fine["local_heat_currents"][:, 1], fine["local_heat_currents"][:, 3]
    (xm, ym), = fc.local_extrema(x, jL, "min")
    print("K = 2 fine scan (Delta %g..%g, step %.0e):" % (x[0], x[-1], x[1] - x[0]))
    print("   minimum of j_L at Delta = %.5f, j_L = %.6e (j_L at Delta = 0: %.6e)"
          % (xm, ym, k2["bath_heat_currents"][np.argmin(np.abs(k2["delta"])), 0]))
    print("   j^S = 0 at Delta = %s" % ", ".join("%.5f" % z for z in fc.sign_changes(x, jS)))
    print("   j_4 = 0 at Delta = %s; j_2 = 0 at Delta = %s"
          % (", ".join("%.5f" % z for z in fc.sign_changes(x, j4)),
             ", ".join("%.5f" % z for z in fc.sign_changes(x, j2))))
    print("   geometry:", fmt_runs(x, fc.geometry(j2, j4)))
    print("K = 2 avoided crossings (nessie spectrum, Delta -4..4):",
          crossings_text(fc.load_crossings(os.path.join(data, "spectrum_k2.json"))))
    s3 = fc.load_sweep(os.path.join(data, "spectrum_k3.h5"))
    g3 = np.diff(s3["energies"], axis=-1)
    c3 = fc.load_crossings(os.path.join(data, "spectrum_k3.json"))
    print("K = 3 gaps E_k+1 - E_k: %s, each constant in Delta to %.1e, so K = 3 has no avoided crossing"
          % (", ".join("%.4f" % g for g in g3[0]), np.ptp(g3, axis=0).max()))
    if c3:
        print("   (nessie spectrum nevertheless lists %d 'avoided crossings' for K = 3, all levels %s with gap %.4f at"
              " scattered Delta %.3f..%.3f: minima of round-off noise on a flat gap)"
              % (len(c3), c3[0]["levels"], c3[0]["gap"], min(c["delta"] for c in c3), max(c["delta"] for c in c3)))


def fig3(data):
    print("\n== Fig. 3 (K = 2, (T_L + T_R)/2 = 1.5) ==")
    m = fc.load_sweep(os.path.join(data, "fig3_map.h5"))
    dT, D, E, P = m["bias"], m["delta"], m["ergotropy"], m["populations"]
    inv = fc.inversion_mask(P)
    i, j = np.unravel_index(np.argmax(E), E.shape)
    print("map: Delta T %g..%g (%d), Delta %g..%g (%d); max ergotropy %.4e at Delta T = %.2f, Delta = %.2f"
          % (dT[0], dT[-1], len(dT), D[0], D[-1], len(D), E[i, j], dT[i], D[j]))
    print("map: max ergotropy inside the population-inversion region %.4e, outside %.4e; %.1f%% of the grid inverted"
          % (E[inv].max(), E[~inv].max(), 100 * inv.mean()))
    print("map: hot spots = connected regions of population inversion (edge of the map included):")
    for rows, cols in sorted(components(inv), key=lambda rc: -E[rc].max()):
        k = np.argmax(E[rows, cols])
        pairs = set()
        for a, b in zip(rows, cols):
            pairs.update(int(q) + 1 for q in np.nonzero(np.diff(P[a, b]) > 0)[0])
        print("   Delta %+.2f..%+.2f, Delta T %+.2f..%+.2f: max %.4e at (Delta T, Delta) = (%+.2f, %+.2f); inverted pairs %s"
              % (D[cols].min(), D[cols].max(), dT[rows].min(), dT[rows].max(), E[rows[k], cols[k]],
                 dT[rows[k]], D[cols[k]], ", ".join("rho_%d%d < rho_%d%d" % (q, q, q + 1, q + 1) for q in sorted(pairs))))
    print("map: asymmetry in Delta T: max over Delta of the ergotropy at +Delta T vs -Delta T")
    for t in (0.5, 1.0, 1.5, 2.0, 2.5):
        a, b = np.argmin(np.abs(dT - t)), np.argmin(np.abs(dT + t))
        print("   Delta T = %+.1f: %.4e at Delta = %+.2f | Delta T = %+.1f: %.4e at Delta = %+.2f"
              % (dT[a], E[a].max(), D[np.argmax(E[a])], dT[b], E[b].max(), D[np.argmax(E[b])]))
    print("map: max |E(dT, Delta) - E(-dT, Delta)| = %.3e, max |E(dT, Delta) - E(dT, -Delta)| = %.3e"
          % (np.abs(E - E[::-1]).max(), np.abs(E - E[:, ::-1]).max()))
    for name, t in (("fig3_dT_plus1.h5", "+1"), ("fig3_dT_minus1.h5", "-1")):
        d = fc.load_sweep(os.path.join(data, name))
        x, e, p = d["delta"], d["ergotropy"], d["populations"]
        print("Delta T = %s (step 1e-3): ergotropy maxima %s" % (
            t, ", ".join("Delta = %+.3f (%.3e)" % mm for mm in fc.local_extrema(x, e, "max", 1e-6 * e.max() + 1e-7))))
        for q in range(p.shape[1] - 1):
            z = p[:, q + 1] > p[:, q]
            for lab, lo, hi, a, b in fc.runs(x, z):
                if lab:
                    print("   rho_%d%d > rho_%d%d on Delta %+.3f..%+.3f, ergotropy max there %.3e at Delta = %+.3f"
                          % (q + 2, q + 2, q + 1, q + 1, lo, hi, e[a:b + 1].max(), x[a + np.argmax(e[a:b + 1])]))
        z = fc.inversion_mask(p)
        print("   ergotropy max without any inversion: %.3e" % e[~z].max())


def fig4(data):
    print("\n== Fig. 4 (K = 2, T_L = 2, T_R = 1, h3 = h2 / 2) ==")
    print("%5s | %-41s | %-44s | %-34s" % ("h2", "avoided crossings (Delta, gap)", "ergotropy maxima (Delta, E)",
                                           "j_L minima (Delta, j_L)"))
    for h2 in fc.H2_VALUES:
        d = fc.load_sweep(os.path.join(data, "fig4_h2_%s.h5" % h2))
        cr = sorted(fc.load_crossings(os.path.join(data, "fig4_spectrum_h2_%s.json" % h2)), key=lambda c: c["delta"])
        x, e, j = d["delta"], d["ergotropy"], d["bath_heat_currents"][:, 0]
        emax = fc.local_extrema(x, e, "max", 0.02 * e.max())
        jmin = fc.local_extrema(x, j, "min")
        print("%5s | %-41s | %-44s | %-34s" % (
            h2, " ".join("%+.3f(%.3f)" % (c["delta"], c["gap"]) for c in cr),
            " ".join("%+.3f(%.4f)" % mm for mm in emax), " ".join("%+.3f(%.5f)" % mm for mm in jmin)))


def checks(data):
    print("\n== sanity over all sweep files ==")
    worst_min, worst_res, worst_bal = np.inf, 0.0, 0.0
    for path in sorted(glob.glob(os.path.join(data, "fig*.h5"))):
        if "spectrum" in path:
            continue
        d = fc.load_sweep(path)
        worst_min = min(worst_min, d["min_eigenvalue"].min())
        worst_res = max(worst_res, d["residual"].max())
        worst_bal = max(worst_bal, np.abs(d["bath_heat_currents"].sum(-1)).max())
    print("smallest eigenvalue of rho_NESS %.3e (positive: no negative probabilities); max residual %.1e; "
          "max |sum_b j_b| %.1e" % (worst_min, worst_res, worst_bal))


if __name__ == "__main__":
    data_dir = sys.argv[1]
    fig2(data_dir)
    fig3(data_dir)
    fig4(data_dir)
    checks(data_dir)
