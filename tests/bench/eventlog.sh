#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Events page over one million events: time to the first rows, page
# fetches while scrolling to row 100,000, filters, memory and the longest
# GUI-thread stall of each step. Takes about a minute (most of it filling
# the database).
#
#   tests/bench/eventlog.sh [path/to/lanyard] [bench_eventlog options]
set -euo pipefail

lanyard=${1:-build/default/app/lanyard}
shift || true
bench="$(dirname "$lanyard")/../tests/bench/bench_eventlog"
[ -x "$bench" ] || { echo "$bench is not built" >&2; exit 1; }
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$bench" "$@"
