"""Fig. 4 of the paper (K = 2, T_L = 2, T_R = 1, h2/h3 = 2, h2 = 2, 1.8, 1.6, 1.4, 1.2; darker = smaller h2):
(a) ergotropy vs Delta, (b) heat current j_L exchanged with the baths vs Delta,
(c) energy gaps E_3 - E_2, E_4 - E_3, E_5 - E_4 vs Delta.

usage: plot_fig4.py DATA_DIR OUT_DIR
"""
import sys

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D

import figures_common as fc

GAPS = [(1, "Oranges", r"$E_3-E_2$"), (2, "Purples", r"$E_4-E_3$"), (3, "Blues", r"$E_5-E_4$")]


def shades(cmap_name):
    cmap = plt.get_cmap(cmap_name)
    return [cmap(v) for v in np.linspace(0.4, 0.95, len(fc.H2_VALUES))]  # h2 = 2 lightest, 1.2 darkest


def main(data_dir, out_dir):
    fc.style()
    fig, axes = plt.subplots(3, 1, figsize=(6.4, 8.2), sharex=True)
    greens, reds = shades("Greens"), shades("Reds")
    gap_colors = {i: shades(c) for i, c, _ in GAPS}
    for n, h2 in enumerate(fc.H2_VALUES):
        d = fc.load_sweep(fc.data_path(data_dir, "fig4_h2_%s.h5" % h2))
        s = fc.load_sweep(fc.data_path(data_dir, "fig4_spectrum_h2_%s.h5" % h2))
        x = d["delta"]
        label = r"$h_2=%s$, $h_3=%g$" % (h2, float(h2) / 2)
        axes[0].plot(x, d["ergotropy"], color=greens[n], label=label)
        axes[1].plot(x, 1e3 * d["bath_heat_currents"][:, 0], color=reds[n], label=label)
        gaps = np.diff(s["energies"], axis=-1)
        for i, _, _ in GAPS:
            axes[2].plot(s["delta"], gaps[:, i], color=gap_colors[i][n])
        for c in fc.load_crossings(fc.data_path(data_dir, "fig4_spectrum_h2_%s.json" % h2)):
            for ax in axes:
                ax.axvline(c["delta"], color="0.5", lw=0.5, ls=(0, (1, 3)), zorder=0)
    axes[0].set_ylabel(r"ergotropy $\mathcal{E}$")
    axes[0].set_title("(a)", loc="left", fontsize=9)
    axes[0].legend(loc="upper left", fontsize=7)
    axes[1].set_ylabel(r"$j^H_L\ (\times 10^{-3})$")
    axes[1].set_title("(b) heat current from the bath at site 1", loc="left", fontsize=9)
    axes[1].legend(loc="lower left", fontsize=7)
    axes[2].set_ylabel(r"energy gap")
    axes[2].set_xlabel(r"$\Delta$")
    axes[2].set_ylim(0, 4)
    axes[2].set_title("(c)", loc="left", fontsize=9)
    axes[2].legend(handles=[Line2D([], [], color=gap_colors[i][2], label=lab) for i, _, lab in GAPS]
                   + [Line2D([], [], color="0.5", lw=0.5, ls=(0, (1, 3)), label="avoided crossings")],
                   loc="upper left", fontsize=7, ncol=2)
    axes[2].set_xlim(x[0], x[-1])
    fig.text(0.5, 0.0, r"$K=2$, $T_L=2$, $T_R=1$, $\gamma=0.01$, $\omega_c=10$; darker = smaller $h_2$",
             ha="center", fontsize=7.5)
    fig.tight_layout(rect=(0, 0.015, 1, 1))
    path = fc.data_path(out_dir, "fig4_fields.png")
    fig.savefig(path, bbox_inches="tight")
    print("wrote", path)


if __name__ == "__main__":
    main(*sys.argv[1:3])
