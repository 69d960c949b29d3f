"""Shared helpers of the figure scripts: reading nessie sweep/spectrum files and the paper's styling."""
import json
import os

import h5py
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402

H2_VALUES = ["2", "1.8", "1.6", "1.4", "1.2"]  # Fig. 4, h3 = h2 / 2

# Fig. 2 shading (paper: pink counterclockwise, yellow parallel, green clockwise).
GEOMETRY_COLORS = {"counterclockwise": "#f7c6d6", "parallel": "#fff1a8", "clockwise": "#c9efc4"}


def load_sweep(path):
    """The scan axes and the results of a nessie sweep (or spectrum) HDF5 file, as numpy arrays."""
    with h5py.File(path, "r") as f:
        axes = str(f["scan"].attrs["axes"]).split(",")
        out = {"axes": axes}
        for name in axes:
            out[name] = f["scan"][name][()]
        for name, ds in f["results"].items():
            out[name] = ds[()]
        out["command_line"] = str(f["parameters"].attrs["command_line"])
    return out


def load_crossings(path):
    """The avoided crossings found by `nessie spectrum --json`: list of dicts (levels 1-based, delta, gap)."""
    with open(path) as f:
        return json.load(f)["avoided_crossings"]


def data_path(data_dir, name):
    return os.path.join(data_dir, name)


def geometry(j2, j4):
    """Heat-flow geometry per point: parallel (j2 > 0, j4 < 0), clockwise (both > 0),
    counterclockwise (both < 0), or '' (j2 < 0 < j4: heat flowing into site 1 from both sides)."""
    g = np.full(j2.shape, "", dtype=object)
    g[(j2 > 0) & (j4 < 0)] = "parallel"
    g[(j2 > 0) & (j4 > 0)] = "clockwise"
    g[(j2 < 0) & (j4 < 0)] = "counterclockwise"
    return g


def runs(x, labels):
    """Contiguous runs of equal labels: list of (label, x_start, x_end, i_start, i_end) with boundaries
    halfway between grid points."""
    out = []
    start = 0
    for i in range(1, len(x) + 1):
        if i == len(x) or labels[i] != labels[start]:
            lo = x[0] if start == 0 else 0.5 * (x[start - 1] + x[start])
            hi = x[-1] if i == len(x) else 0.5 * (x[i - 1] + x[i])
            out.append((labels[start], lo, hi, start, i - 1))
            start = i
    return out


def shade_geometry(ax, x, j2, j4):
    for label, lo, hi, _, _ in runs(x, geometry(j2, j4)):
        if label:
            ax.axvspan(lo, hi, color=GEOMETRY_COLORS[label], lw=0, zorder=0)


def sign_changes(x, y):
    """x positions where y changes sign, by linear interpolation between grid points."""
    out = []
    s = np.sign(y)
    for i in np.nonzero(s[1:] * s[:-1] < 0)[0]:
        out.append(x[i] - y[i] * (x[i + 1] - x[i]) / (y[i + 1] - y[i]))
    return out


def local_extrema(x, y, kind="max", min_prominence=0.0):
    """Interior local maxima (or minima) of y on the grid x, refined by a parabola through 3 points.
    Returns a list of (x, y)."""
    s = 1.0 if kind == "max" else -1.0
    z = s * y
    out = []
    for i in range(1, len(x) - 1):
        if z[i] > z[i - 1] and z[i] >= z[i + 1]:
            # parabolic refinement
            den = z[i - 1] - 2 * z[i] + z[i + 1]
            dx = 0.5 * (z[i - 1] - z[i + 1]) / den if den != 0 else 0.0
            h = x[i + 1] - x[i]
            xm = x[i] + dx * h
            ym = y[i] - 0.25 * (y[i - 1] - y[i + 1]) * dx
            out.append((xm, ym, i))
    if min_prominence > 0:
        keep = []
        for xm, ym, i in out:
            # prominence: drop to the lower of the two neighbouring extrema of the opposite kind
            left = z[: i + 1][::-1]
            right = z[i:]
            lmin = np.min(left[: np.argmax(left > z[i]) or len(left)])
            rmin = np.min(right[: np.argmax(right > z[i]) or len(right)])
            if z[i] - max(lmin, rmin) >= min_prominence:
                keep.append((xm, ym, i))
        out = keep
    return [(xm, ym) for xm, ym, _ in out]


def inversion_mask(populations):
    """True where some level has a larger population than the level just below it (any inversion among
    the levels implies an inversion between two neighbouring levels)."""
    return (np.diff(populations, axis=-1) > 0).any(axis=-1)


def style():
    import matplotlib.pyplot as plt

    plt.rcParams.update({
        "font.size": 9,
        "axes.labelsize": 10,
        "legend.fontsize": 8,
        "figure.dpi": 110,
        "savefig.dpi": 130,
    })
