#!/usr/bin/env bash
# Reproduces the chart library vendored into the HTML backtest report:
#   src/Quorum.Research/Reports/Assets/lightweight-charts.standalone.production.js
#   src/Quorum.Research/Reports/Assets/lightweight-charts.LICENSE
# TradingView Lightweight Charts (Apache-2.0), version pinned below, fetched with `npm pack`
# (the npm client's configured registry) and checked against pinned SHA-256 sums.
# The standalone build bundles its one dependency, fancy-canvas 2.1.0 (MIT).
# Usage: tools/chart-lib/fetch.sh [--check]   (--check: verify the vendored files, fetch nothing)
set -euo pipefail

VERSION="5.2.1"
TARBALL_SHA256="64310292298df4dd527494865e5d91d447f8bb397b68de3912c2a6465025ee5e"
SCRIPT_SHA256="e21cc5caa0226ef30bd8549c50b9ef926615f2a4ee6b4e486353477a55f598cf"
LICENSE_SHA256="70c9d5382506dd184465425c08a99ad9bd6d9ac1313c252968ba0b585e5ef823"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
assets="$here/../../src/Quorum.Research/Reports/Assets"
script="$assets/lightweight-charts.standalone.production.js"
license="$assets/lightweight-charts.LICENSE"

check() {
  echo "$SCRIPT_SHA256  $script" | sha256sum --check --quiet
  echo "$LICENSE_SHA256  $license" | sha256sum --check --quiet
  echo "vendored lightweight-charts $VERSION verified"
}

if [[ "${1:-}" == "--check" ]]; then
  check
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "lightweight-charts@$VERSION" >/dev/null)
tarball="$work/lightweight-charts-$VERSION.tgz"
echo "$TARBALL_SHA256  $tarball" | sha256sum --check --quiet
tar -xzf "$tarball" -C "$work"
mkdir -p "$assets"
cp "$work/package/dist/lightweight-charts.standalone.production.js" "$script"
cp "$work/package/LICENSE" "$license"
check
