#!/usr/bin/env bash
# Install the Debian packages nessie needs, but only those that are missing.
# When everything is already installed this does nothing (no apt-get update) and says so.
set -euo pipefail

packages=(
  build-essential
  cmake
  libeigen3-dev
  libboost-dev
  libboost-program-options-dev
  libhdf5-dev
  hdf5-tools
  catch2
  nlohmann-json3-dev
  python3-numpy
  python3-scipy
  python3-h5py
  python3-matplotlib
  python3-qutip
)

missing=()
for pkg in "${packages[@]}"; do
  # dpkg-query fails for a package dpkg has never heard of; treat that as missing.
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != *" ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} required packages are present; nothing to install."
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: missing packages: ${missing[*]}; not root and no sudo, cannot install." >&2
  exit 1
fi

"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${#missing[@]} missing package(s): ${missing[*]}"
