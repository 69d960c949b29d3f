"""Fig. 3 of the paper (K = 2): (a) ergotropy over (Delta T, Delta) at (T_L + T_R)/2 = 1.5, with the region of
population inversion outlined; (b, c) populations rho_22 .. rho_66 of the eigenlevels vs Delta at
Delta T = +1 (T_L = 2, T_R = 1) and Delta T = -1 (T_L = 1, T_R = 2), population inversion shaded light blue.

usage: plot_fig3.py DATA_DIR OUT_DIR
"""
import sys

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import PowerNorm
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

import figures_common as fc

LEVEL_COLORS = ["tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown"]
INVERSION_COLOR = "#cfe8fb"


def populations_panel(ax, d, title, crossings):
    x = d["delta"]
    p = d["populations"]
    inv = fc.inversion_mask(p)
    for label, lo, hi, _, _ in fc.runs(x, inv):
        if label:
            ax.axvspan(lo, hi, color=INVERSION_COLOR, lw=0, zorder=0)
    for k in range(1, p.shape[1]):
        ax.plot(x, p[:, k], color=LEVEL_COLORS[k], label=r"$\rho_{%d,%d}$" % (k + 1, k + 1))
    for c in crossings:
        ax.axvline(c["delta"], color="0.35", lw=0.7, ls=(0, (1, 2)))
    ax.set_xlim(x[0], x[-1])
    ax.set_ylim(0, None)
    ax.set_xlabel(r"$\Delta$")
    ax.set_ylabel(r"$\rho_{k,k}$")
    ax.set_title(title, loc="left", fontsize=9)
    # rho_11 (about 0.9) is off the scale, as in the paper


def main(data_dir, out_dir):
    fc.style()
    m = fc.load_sweep(fc.data_path(data_dir, "fig3_map.h5"))
    assert m["axes"] == ["bias", "delta"], m["axes"]
    plus = fc.load_sweep(fc.data_path(data_dir, "fig3_dT_plus1.h5"))
    minus = fc.load_sweep(fc.data_path(data_dir, "fig3_dT_minus1.h5"))
    crossings = fc.load_crossings(fc.data_path(data_dir, "spectrum_k2.json"))

    fig = plt.figure(figsize=(8.6, 6.4))
    gs = fig.add_gridspec(2, 2, height_ratios=[1.15, 1.0], hspace=0.38, wspace=0.25)
    ax = fig.add_subplot(gs[0, :])
    dT, D, E = m["bias"], m["delta"], m["ergotropy"]
    top = np.ceil(E.max() * 100) / 100
    # square-root colour scale, so that the weaker hot spots at Delta < 0 and Delta T < 0 show as well
    norm = PowerNorm(0.5, vmin=0, vmax=top)
    cs = ax.contourf(D, dT, E, levels=top * np.linspace(0, 1, 41) ** 2, cmap="inferno", norm=norm)
    ax.contour(D, dT, E, levels=[0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06], colors="0.85", linewidths=0.4)
    cb = fig.colorbar(cs, ax=ax, pad=0.01, ticks=[0, 0.001, 0.005, 0.01, 0.02, 0.03, 0.04, 0.06])
    cb.set_label(r"ergotropy $\mathcal{E}$ (sqrt scale)")
    inv = fc.inversion_mask(m["populations"]).astype(float)
    ax.contour(D, dT, inv, levels=[0.5], colors="deepskyblue", linewidths=1.0)
    for y in (1, -1):
        ax.axhline(y, color="w", lw=0.8, ls="--")
    for c in crossings:
        ax.axvline(c["delta"], color="0.75", lw=0.7, ls=(0, (1, 2)))
    ax.set_xlabel(r"$\Delta$")
    ax.set_ylabel(r"$\Delta T = T_L - T_R$")
    ax.set_title(r"(a) ergotropy, $(T_L+T_R)/2 = 1.5$", loc="left", fontsize=9)
    ax.legend(handles=[Line2D([], [], color="deepskyblue", label="edge of population inversion"),
                       Line2D([], [], color="w", ls="--", label=r"$\Delta T=\pm1$: panels (b), (c)"),
                       Line2D([], [], color="0.75", ls=(0, (1, 2)), label="avoided crossings"),
                       Line2D([], [], color="0.85", lw=0.4, label=r"$\mathcal{E}$ = 0.005, 0.01, 0.02, ...")],
              loc="lower left", fontsize=7, framealpha=0.6, facecolor="0.3", labelcolor="w")

    populations_panel(fig.add_subplot(gs[1, 0]), plus, r"(b) $T_L=2$, $T_R=1$ ($\Delta T = 1$)", crossings)
    axc = fig.add_subplot(gs[1, 1])
    populations_panel(axc, minus, r"(c) $T_L=1$, $T_R=2$ ($\Delta T = -1$)", crossings)
    handles, labels = axc.get_legend_handles_labels()
    handles.append(Patch(color=INVERSION_COLOR, label="population inversion"))
    fig.legend(handles=handles, loc="lower center", ncol=6, frameon=False, bbox_to_anchor=(0.5, -0.01))
    fig.text(0.5, -0.04, r"$K=2$, $h_2=2$, $h_3=1$, $\gamma=0.01$, $\omega_c=10$; levels $k$ in ascending energy",
             ha="center", fontsize=7.5)
    path = fc.data_path(out_dir, "fig3_ergotropy.png")
    fig.savefig(path, bbox_inches="tight")
    print("wrote", path)


if __name__ == "__main__":
    main(*sys.argv[1:3])
