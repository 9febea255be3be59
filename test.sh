#!/usr/bin/env bash
# Runs the whole Quorum test suite and ends with the line "N passed, N failed".
# Usage: ./test.sh [extra dotnet test arguments]
# Real-data tests read ../shared/data (or $QUORUM_SHARED_DATA); they are skipped when it is
# absent unless QUORUM_REQUIRE_SHARED_DATA=1 (set by .ci/run), which makes absence a failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
results="$here/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test Quorum.slnx -c Release --nologo \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
if [ "${#trx_files[@]}" -eq 0 ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # The build or a test host failed before results were written: count it as a failure.
  failed=$((failed + 1))
  echo "test run did not complete (dotnet test exit code $status)" >&2
fi
echo "test result files: $results (${#trx_files[@]} TRX), skipped: $skipped"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
