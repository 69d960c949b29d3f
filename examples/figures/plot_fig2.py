"""Fig. 2 of the paper: local heat currents j_2, j_4, total heat current j_L and spin current j^S vs Delta,
(a, c) K = 3 and (b, d) K = 2 up spins; background shaded by the geometry of the heat flow.

usage: plot_fig2.py DATA_DIR OUT_DIR
"""
import sys

import matplotlib.pyplot as plt
from matplotlib.patches import Patch

import figures_common as fc


def main(data_dir, out_dir):
    fc.style()
    k3 = fc.load_sweep(fc.data_path(data_dir, "fig2_k3.h5"))
    k2 = fc.load_sweep(fc.data_path(data_dir, "fig2_k2.h5"))
    crossings = fc.load_crossings(fc.data_path(data_dir, "spectrum_k2.json"))

    fig, axes = plt.subplots(2, 2, figsize=(8.0, 5.6), sharex=True)
    scale = 1e3
    for col, (d, title) in enumerate([(k3, "three spins up (K = 3)"), (k2, "two spins up (K = 2)")]):
        x = d["delta"]
        j2 = d["local_heat_currents"][:, 1]  # site 2: upper branch
        j4 = d["local_heat_currents"][:, 3]  # site 4: lower branch
        jL = d["bath_heat_currents"][:, 0]  # from the bath at site 1
        jS = d["spin_currents"][:, 0]  # bond (1,2); equal on all bonds at the steady state
        ax = axes[0, col]
        fc.shade_geometry(ax, x, j2, j4)
        ax.plot(x, scale * j2, color="tab:orange", ls="--", label=r"$j_2^H$")
        ax.plot(x, scale * j4, color="tab:green", ls="-.", label=r"$j_4^H$")
        ax.plot(x, scale * jL, color="tab:red", ls="-", label=r"$j_L^H$")
        ax.axhline(0, color="k", lw=0.5)
        ax.set_ylabel(r"$j^H\ (\times 10^{-3})$")
        ax.set_title("(%s) %s" % ("ab"[col], title), loc="left", fontsize=9)
        ax = axes[1, col]
        fc.shade_geometry(ax, x, j2, j4)
        ax.plot(x, scale * jS, color="tab:blue", ls=":", lw=1.8, label=r"$j^S$")
        ax.axhline(0, color="k", lw=0.5)
        ax.set_ylabel(r"$j^S\ (\times 10^{-3})$")
        ax.set_xlabel(r"$\Delta$")
        ax.set_title("(%s) %s" % ("cd"[col], title), loc="left", fontsize=9)
        ax.set_xlim(x[0], x[-1])
    # the avoided crossings of the K = 2 spectrum
    for c in crossings:
        for ax in axes[:, 1]:
            ax.axvline(c["delta"], color="0.35", lw=0.7, ls=(0, (1, 2)))
    axes[0, 1].annotate("avoided crossings\n(nessie spectrum)", xy=(crossings[0]["delta"], 0),
                        xycoords=("data", "axes fraction"), xytext=(3, 4), textcoords="offset points",
                        fontsize=6.5, color="0.3", va="bottom")
    handles, labels = axes[0, 0].get_legend_handles_labels()
    h2, l2 = axes[1, 0].get_legend_handles_labels()
    patches = [Patch(color=fc.GEOMETRY_COLORS[k], label=k) for k in ("counterclockwise", "parallel", "clockwise")]
    fig.legend(handles + h2 + patches, labels + l2 + [p.get_label() for p in patches], loc="upper center",
               ncol=7, frameon=False, bbox_to_anchor=(0.5, 1.0))
    fig.text(0.5, -0.01, r"$N=4$, $h_2=2$, $h_3=1$, $T_L=2$ (site 1), $T_R=1$ (site 3), $\gamma=0.01$, "
             r"$\omega_c=10$; currents positive clockwise", ha="center", fontsize=7.5)
    fig.tight_layout(rect=(0, 0.01, 1, 0.95))
    path = fc.data_path(out_dir, "fig2_currents.png")
    fig.savefig(path, bbox_inches="tight")
    print("wrote", path)


if __name__ == "__main__":
    main(*sys.argv[1:3])
