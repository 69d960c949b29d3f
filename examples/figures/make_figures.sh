#!/usr/bin/env bash
# Rebuild the reproductions of Figs. 2, 3 and 4 of Xu, Choo, Balachandran, Poletti
# ("Transport and energetic properties of a ring of interacting spins coupled to heat baths")
# from nessie output: runs the sweeps/spectra into data/ and writes the PNGs to docs/figures/.
#
#   examples/figures/make_figures.sh            # nessie from ../../build/nessie (relative to this script)
#   NESSIE=/path/to/nessie PYTHON=python3 examples/figures/make_figures.sh
#
# Needs Python 3 with numpy, h5py and matplotlib (default /usr/bin/python3). About 10-20 s on 2 cores.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NESSIE="${NESSIE:-$here/../../build/nessie}"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x /usr/bin/python3 ]]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi
data="$here/data"
out="$here/../../docs/figures"

if [[ ! -x "$NESSIE" ]]; then
    echo "make_figures.sh: no nessie binary at $NESSIE (build it, or set NESSIE=...)" >&2
    exit 1
fi
"$PYTHON" -c 'import numpy, h5py, matplotlib' 2>/dev/null || {
    echo "make_figures.sh: $PYTHON lacks numpy/h5py/matplotlib (set PYTHON=...)" >&2
    exit 1
}
mkdir -p "$data" "$out"
start=$(date +%s.%N)

# nessie prints a per-point table on stdout even with --quiet; keep it out of the way.
log="$data/nessie.log"
: > "$log"
run() {
    echo "+ nessie $*" >> "$log"
    "$NESSIE" "$@" --force --quiet >> "$log"
}
spectrum_json() {  # spectrum_json OUT.json ARGS...: HDF5 (energies, gaps) and JSON (avoided crossings)
    local json="$1"; shift
    echo "+ nessie spectrum $* --json" >> "$log"
    "$NESSIE" spectrum "$@" --force --quiet --json > "$json"
}

D="delta=-4:4:8001"            # Delta step 0.001 for the 1-D curves
echo "[1/4] Fig. 2: currents vs Delta in K = 3 and K = 2 (h2 = 2, h3 = 1, T_L = 2, T_R = 1)"
run sweep --up 3 --scan "$D" --output "$data/fig2_k3.h5"
run sweep --up 2 --scan "$D" --output "$data/fig2_k2.h5"
run sweep --up 2 --scan delta=2.1:2.3:20001 --output "$data/fig2_k2_fine.h5"    # step 1e-5 around the minimum
spectrum_json "$data/spectrum_k2.json" --up 2 --scan "$D" --output "$data/spectrum_k2.h5"
spectrum_json "$data/spectrum_k3.json" --up 3 --scan "$D" --output "$data/spectrum_k3.h5"

echo "[2/4] Fig. 3: ergotropy over (Delta T, Delta) at (T_L + T_R)/2 = 1.5, populations at Delta T = +-1"
# bias = T_1 - T_2 with mean (T_1 + T_2)/2 = 1.5 (the default baths 1:2 and 3:1); |Delta T| < 3 keeps T > 0.
run sweep --up 2 --scan bias=-2.8:2.8:113 --scan delta=-4:4:401 --output "$data/fig3_map.h5"
run sweep --up 2 --bath 1:2 --bath 3:1 --scan "$D" --output "$data/fig3_dT_plus1.h5"
run sweep --up 2 --bath 1:1 --bath 3:2 --scan "$D" --output "$data/fig3_dT_minus1.h5"

echo "[3/4] Fig. 4: h2/h3 = 2, h2 = 2, 1.8, 1.6, 1.4, 1.2"
for h2 in 2 1.8 1.6 1.4 1.2; do
    h3=$("$PYTHON" -c "print($h2 / 2)")
    run sweep --up 2 --field 2:$h2 --field 3:$h3 --scan "$D" --output "$data/fig4_h2_$h2.h5"
    spectrum_json "$data/fig4_spectrum_h2_$h2.json" --up 2 --field 2:$h2 --field 3:$h3 --scan "$D" \
        --output "$data/fig4_spectrum_h2_$h2.h5"
done
t_nessie=$(date +%s.%N)

echo "[4/4] plots -> $out"
MPLBACKEND=Agg "$PYTHON" "$here/plot_fig2.py" "$data" "$out"
MPLBACKEND=Agg "$PYTHON" "$here/plot_fig3.py" "$data" "$out"
MPLBACKEND=Agg "$PYTHON" "$here/plot_fig4.py" "$data" "$out"
"$PYTHON" "$here/measure.py" "$data" | tee "$data/measurements.txt"
end=$(date +%s.%N)
"$PYTHON" -c "print('done: nessie %.1f s, plots and measurements %.1f s, total %.1f s' % ($t_nessie - $start, $end - $t_nessie, $end - $start))"
ls -l "$out"/fig*.png
