#!/usr/bin/env bash
# TA-Lib as a second oracle and as the speed peer for Quorum.Indicators (issue 3).
#
# Usage: tools/talib/run.sh [reference|bench|all] [options]
#
#   reference   Write TA-Lib reference CSVs for the first --rows bars of BTCUSDT and ETHUSDT 1h
#               (../shared/data/ohlcv/binance-usdm-perp_2020-2024/{BTC,ETH}USDT_1h.csv) to
#               tests/Quorum.Indicators.Tests/Reference/TaLib/{BTC,ETH}USDT_1h_talib.csv, plus the
#               README.md there that says how they were made; then, if python3 is there, re-derive
#               every column from its documented convention (tools/talib/verify_conventions.py).
#               The CSVs hold open_time_ms and the TA-Lib outputs only, never the input's OHLCV:
#               the input comes from a repository with no licence, so it may not be committed.
#   bench       Time TA-Lib C and Tulip C on --bars bars (the real BTCUSDT 1h file tiled), best of
#               --reps calls per indicator; prints a table and writes <work>/bench.json and
#               <work>/bench.md (a Markdown table for docs/talib-oracle.md).
#   all         Both (the default).
#
# Options:
#   --rows N    bars per reference file (default 5000)
#   --bars N    bars for the benchmark (default 1000000)
#   --reps N    timed calls per indicator, best one reported (default 7)
#   --fresh     delete the scratch folder first (re-download and rebuild TA-Lib)
#   -h, --help  this text
#
# Environment:
#   QUORUM_SHARED_DATA  the shared data folder (default: ../shared/data next to this checkout)
#   QUORUM_TALIB_WORK   scratch folder for the npm packages, the TA-Lib build and the harness
#                       (default: <checkout>/artifacts/talib-oracle, which git ignores)
#
# What it does: installs talib@1.1.6 (TA-Lib 0.6 C source) and tulind@0.8.20 (Tulip Indicators
# as one C file) from the npm registry into the scratch folder with --ignore-scripts, builds
# TA-Lib's static library with the package's own makefiles (src/lib/make/csr/linux/g++) if it is
# not there yet, and compiles tools/talib/harness.c with gcc -O2 against it and the Tulip
# amalgamation. Nothing of TA-Lib or Tulip is committed to Quorum.
#
# Needs: npm and node, gcc, make, ar; about 30 s on 2 cores for the first build.
# Exit codes: 0 ok, 1 runtime failure (a missing tool, a failed download or build, bad data),
#             2 bad usage.
set -euo pipefail

TALIB_PACKAGE="talib@1.1.6"
TULIND_PACKAGE="tulind@0.8.20"
INPUT_SET="ohlcv/binance-usdm-perp_2020-2024"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$script_dir/../.." && pwd)"
shared="${QUORUM_SHARED_DATA:-$repo/../shared/data}"
work="${QUORUM_TALIB_WORK:-$repo/artifacts/talib-oracle}"
reference_dir="$repo/tests/Quorum.Indicators.Tests/Reference/TaLib"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }
fail() { echo "run.sh: $*" >&2; exit 1; }
bad_usage() { echo "run.sh: $*" >&2; echo "Try 'tools/talib/run.sh --help'." >&2; exit 2; }

mode="all"
rows=5000
bars=1000000
reps=7
fresh=0
while [ $# -gt 0 ]; do
  case "$1" in
    reference|bench|all) mode="$1" ;;
    --rows) [ $# -ge 2 ] || bad_usage "--rows needs a value"; rows="$2"; shift ;;
    --bars) [ $# -ge 2 ] || bad_usage "--bars needs a value"; bars="$2"; shift ;;
    --reps) [ $# -ge 2 ] || bad_usage "--reps needs a value"; reps="$2"; shift ;;
    --fresh) fresh=1 ;;
    -h|--help) usage; exit 0 ;;
    *) bad_usage "unknown argument '$1' (expected reference, bench, all or an option)" ;;
  esac
  shift
done
for pair in "rows:$rows" "bars:$bars" "reps:$reps"; do
  [[ "${pair#*:}" =~ ^[0-9]+$ ]] || bad_usage "--${pair%%:*} = '${pair#*:}' is not a whole number"
done

# --- prerequisites ----------------------------------------------------------------------------
need() {
  command -v "$1" >/dev/null 2>&1 ||
    fail "'$1' is not installed or not on PATH; $2 (Debian: apt-get install $3)"
}
need npm "it downloads $TALIB_PACKAGE and $TULIND_PACKAGE" "npm"
need node "npm needs it" "nodejs"
need gcc "it compiles TA-Lib, Tulip and the harness" "gcc"
need make "it runs TA-Lib's own makefiles" "make"
need ar "it archives the TA-Lib library" "binutils"

[ -d "$shared" ] ||
  fail "shared data folder $shared not found; put it next to the checkout (../shared/data) or set QUORUM_SHARED_DATA"
shared="$(cd "$shared" && pwd)"
btc_csv="$shared/$INPUT_SET/BTCUSDT_1h.csv"
eth_csv="$shared/$INPUT_SET/ETHUSDT_1h.csv"
for f in "$btc_csv" "$eth_csv"; do
  [ -f "$f" ] || fail "input $f not found in the shared data folder (QUORUM_SHARED_DATA=$shared)"
done

# --- fetch TA-Lib and Tulip into the scratch folder -------------------------------------------
if [ "$fresh" = 1 ]; then rm -rf "$work/npm"; fi
mkdir -p "$work/npm"
npm_dir="$work/npm"
[ -f "$npm_dir/package.json" ] ||
  printf '{ "name": "quorum-talib-oracle-scratch", "private": true }\n' >"$npm_dir/package.json"
echo "== npm install $TALIB_PACKAGE $TULIND_PACKAGE into $npm_dir"
(cd "$npm_dir" && npm install --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
   --loglevel=error "$TALIB_PACKAGE" "$TULIND_PACKAGE") ||
  fail "npm install of $TALIB_PACKAGE $TULIND_PACKAGE failed (is the npm registry reachable?)"

talib_root="$npm_dir/node_modules/talib"
talib_lib_dir="$talib_root/src/lib/lib"
talib_lib="$talib_lib_dir/libta_libc_csr.a"
talib_include="$talib_root/src/lib/include"
for want in "talib:${TALIB_PACKAGE#*@}" "tulind:${TULIND_PACKAGE#*@}"; do
  got="$(node -p "require('$npm_dir/node_modules/${want%%:*}/package.json').version")"
  [ "$got" = "${want#*:}" ] || fail "installed ${want%%:*} is $got, expected ${want#*:}"
done
[ -f "$talib_include/ta_libc.h" ] || fail "TA-Lib headers not found in $talib_include"

build_log="$work/talib-build.log"
if [ ! -f "$talib_lib" ]; then
  echo "== building TA-Lib's static library with the package's makefiles (log: $build_log)"
  make_dir="$talib_root/src/lib/make/csr/linux/g++"
  [ -d "$make_dir" ] || fail "TA-Lib makefiles not found in $make_dir"
  : >"$build_log"
  # The sub-makes in this order (ta_libc archives the others' objects); -j inside each is safe.
  for sub in ta_common ta_func ta_abstract ta_libc; do
    make -C "$make_dir/$sub" -j"$(nproc)" >>"$build_log" 2>&1 ||
      fail "building TA-Lib ($sub) failed; see $build_log"
  done
fi
[ -f "$talib_lib" ] || fail "$talib_lib was not produced; see $build_log"
# The compiler flags TA-Lib was built with (first compile line of the build log, up to the -I).
talib_cflags="$(awk '/^gcc -c /{ for (i = 1; i <= NF && $i !~ /^-I/; i++) printf "%s%s", (i > 1 ? " " : ""), $i; exit }' \
  "$build_log" 2>/dev/null || true)"

tulip_c="$(find "$npm_dir/node_modules/tulind" -name tiamalgamation.c -print -quit)"
[ -n "$tulip_c" ] || fail "tiamalgamation.c not found in $npm_dir/node_modules/tulind"
tulip_dir="$(dirname "$tulip_c")"
[ -f "$tulip_dir/indicators.h" ] || fail "Tulip's indicators.h not found next to $tulip_c"

# --- compile the harness ----------------------------------------------------------------------
echo "== compiling tools/talib/harness.c"
harness="$work/harness"
gcc -O2 -DNDEBUG -w -c "$tulip_c" -o "$work/tiamalgamation.o" ||
  fail "compiling the Tulip amalgamation failed"
gcc -O2 -DNDEBUG -std=gnu11 -Wall -Wextra -I"$talib_include" -I"$tulip_dir" \
  "$script_dir/harness.c" "$work/tiamalgamation.o" "$talib_lib" -lm -o "$harness" ||
  fail "compiling tools/talib/harness.c failed"
read -r talib_version tulip_version < <("$harness" version)

# --- (a) reference CSVs -----------------------------------------------------------------------
run_reference() {
  echo "== reference: TA-Lib $talib_version on the first $rows bars of BTCUSDT and ETHUSDT 1h"
  mkdir -p "$reference_dir"
  local summary="$work/reference-summary.md"
  "$harness" reference --btc "$btc_csv" --eth "$eth_csv" --rows "$rows" --out-dir "$reference_dir" \
    --summary "$summary"
  local today first_date last_date
  today="$(date -u +%Y-%m-%d)"
  first_date="$(sed -n '2p' "$btc_csv" | cut -d, -f1)"
  last_date="$(sed -n "$((rows + 1))p" "$btc_csv" | cut -d, -f1)"
  {
    echo "# TA-Lib reference values (BTCUSDT, ETHUSDT 1h)"
    echo
    echo "Generated by \`tools/talib/run.sh reference\` (harness: \`tools/talib/harness.c\`); do not edit by hand."
    echo "Conventions of every column, and how to compare: [docs/talib-oracle.md](../../../../docs/talib-oracle.md)."
    echo
    echo "- Oracle: TA-Lib $talib_version C library, built from the npm package \`$TALIB_PACKAGE\` with its own"
    echo "  makefiles; default compatibility, every unstable period 0."
    echo "- Input: \`../shared/data/$INPUT_SET/{BTCUSDT,ETHUSDT}_1h.csv\`, data rows 1-$rows (file lines"
    echo "  2-$((rows + 1))), open times $first_date to $last_date, the same bars in both files."
    echo "  SHA-256 of the whole input files:"
    echo "  BTCUSDT \`$(sha256sum "$btc_csv" | cut -d' ' -f1)\`,"
    echo "  ETHUSDT \`$(sha256sum "$eth_csv" | cut -d' ' -f1)\`."
    echo "- Generated: $today (UTC)."
    echo "- Files: \`BTCUSDT_1h_talib.csv\` (SHA-256 \`$(sha256sum "$reference_dir/BTCUSDT_1h_talib.csv" | cut -d' ' -f1)\`),"
    echo "  \`ETHUSDT_1h_talib.csv\` (SHA-256 \`$(sha256sum "$reference_dir/ETHUSDT_1h_talib.csv" | cut -d' ' -f1)\`)."
    echo
    echo "One row per input bar. Columns: \`open_time_ms\` (bar open time, ms since the Unix epoch, UTC),"
    echo "then one column per TA-Lib output, aligned to the input bar index and \`NaN\` before the"
    echo "function's first output. Every double is written with the fewest of 15/16/17 significant digits"
    echo "that read back to the same bits (exact). \`correl_30\` is TA_CORREL(BTC close, ETH close, 30) and"
    echo "is the same in both files."
    echo
    echo "**The OHLCV input is NOT in these files.** The input files come from a source repository with no"
    echo "licence (see ../shared/data/README.md, section 1a), and nothing of ../shared/data may be committed;"
    echo "values derived from it, like these indicator columns, may. A test that needs the prices must"
    echo "read them from the shared data folder itself: the first $rows data rows of"
    echo "\`../shared/data/$INPUT_SET/{BTCUSDT,ETHUSDT}_1h.csv\` (columns"
    echo "\`Date,Open,High,Low,Close,Volume\`, \`Date\` the UTC open time like \`2020-01-01 00:00:00+00:00\`),"
    echo "joined to these rows on \`open_time_ms\` (Date converted to ms since the Unix epoch; row i of a"
    echo "reference file is data row i+1 of its input). \`tools/talib/verify_conventions.py\` does exactly this."
    echo
    cat "$summary"
  } >"$reference_dir/README.md"
  echo "wrote $reference_dir/README.md"
  if command -v python3 >/dev/null 2>&1; then
    echo "== checking every column against its documented convention (tools/talib/verify_conventions.py)"
    python3 "$script_dir/verify_conventions.py" "$reference_dir" --shared-data "$shared" ||
      fail "a TA-Lib column no longer matches docs/talib-oracle.md; see above"
  else
    echo "== python3 not found: skipped tools/talib/verify_conventions.py"
  fi
}

# --- (b) benchmark ----------------------------------------------------------------------------
run_bench() {
  echo "== bench: TA-Lib C and Tulip C, $bars bars tiled from $btc_csv, best of $reps"
  local build_info="TA-Lib $talib_version: libta_libc_csr.a from the package makefiles (${talib_cflags:-flags unknown});"
  build_info+=" Tulip $tulip_version amalgamation and harness: gcc -O2 -DNDEBUG"
  "$harness" bench --input "$btc_csv" --bars "$bars" --reps "$reps" --json "$work/bench.json" \
    --build-info "$build_info"
  node -e '
    const r = require(process.argv[1]);
    const f = (x) => x.toFixed(2);
    const lines = [
      `Measured ${r.date_utc} on ${r.machine.cpu}, ${r.machine.cores} cores, Linux ${r.machine.kernel}, ` +
      `load average ${r.machine.load_average_before} before / ${r.machine.load_average_after} after; ${r.compiler}.`,
      `${r.bars.toLocaleString("en-US")} bars (${r.input_rows.toLocaleString("en-US")} real BTCUSDT 1h bars tiled), ` +
      `best of ${r.reps} calls, one call over all bars. Build: ${r.build}.`,
      "",
      "| indicator | TA-Lib C ns/bar | Tulip C ns/bar | TA-Lib vs Tulip, max rel. diff (2nd half) | why they differ |",
      "|---|---:|---:|---:|---|",
      ...r.results.map((x) => `| ${x.indicator} | ${f(x.talib_c.ns_per_bar)} | ${f(x.tulip_c.ns_per_bar)} | ` +
        `${x.max_rel_diff_second_half.toExponential(1)} | ${x.note} |`),
    ];
    require("fs").writeFileSync(process.argv[2], lines.join("\n") + "\n");
  ' "$work/bench.json" "$work/bench.md"
  echo "wrote $work/bench.md"
}

case "$mode" in
  reference) run_reference ;;
  bench) run_bench ;;
  all) run_reference; run_bench ;;
esac
