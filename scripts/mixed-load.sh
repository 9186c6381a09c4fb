#!/usr/bin/env bash
# Mixed load (issue 16): a throwaway portal on loopback, 32 connections for 30 s, each taking in
# turn API reads, validate, render, a template's render, the composer's live preview, pages, the
# health check, and two amplification bombs (aliases and placeholders) that must be refused with
# 413. It fails unless every answer was expected: 2xx/3xx, or 413 naming the 1 MiB limit for the
# bombs; no 5xx, no other 4xx, no socket error or timeout.
#
#   scripts/mixed-load.sh             # build the jar, run, clean up
#
# Options: --jar FILE (the portal to run; otherwise built with the Maven wrapper), --port N (8095),
# --connections N (32), --duration S (30), --timeout S (a request slower than this is an error, 10).
# JAVA_OPTS goes to the portal's JVM. Needs a JDK 25 (found as scripts/lib/java.sh says), curl and
# wrk (installed with apt-get when missing and allowed). It prints one line of figures and the
# portal's resident memory after.
set -euo pipefail

cd "$(dirname "$0")/.."
port=8095
connections=32
duration=30
timeout=10
portal_jar=""
while [ $# -gt 0 ]; do
	case "$1" in
		--jar) portal_jar="$2"; shift 2 ;;
		--port) port="$2"; shift 2 ;;
		--connections) connections="$2"; shift 2 ;;
		--duration) duration="$2"; shift 2 ;;
		--timeout) timeout="$2"; shift 2 ;;
		*) echo "unknown option: $1" >&2; exit 2 ;;
	esac
done

# shellcheck source=scripts/lib/bench.sh
. scripts/lib/bench.sh
bench_setup "$portal_jar"

export PODCOMPOSER_ADMIN_PASSWORD="load-test-password"
export PODCOMPOSER_ADMIN_TOKEN="pct_load-test-token"
base="http://127.0.0.1:$port"
bearer="Bearer $PODCOMPOSER_ADMIN_TOKEN"

# as the image starts it (scripts/launch.sh); the cache of its training run is made first, untimed
scripts/launch.sh --prepare "$portal_jar"
PODCOMPOSER_DATA_DIR="$work/data" scripts/launch.sh "$portal_jar" --server.address=127.0.0.1 --server.port="$port" \
	>"$work/portal.log" 2>&1 &
app_pid=$!
started=$(date +%s)
until curl -fs "$base/actuator/health" >/dev/null 2>&1; do
	if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/portal.log" >&2; exit 1; fi
	if [ $(( $(date +%s) - started )) -gt 180 ]; then
		echo "the portal did not start within 3 minutes; see $work/portal.log" >&2
		exit 1
	fi
	sleep 0.1
done

pod=src/jmh/resources/typical-pod.yaml
java scripts/load/ComposerForm.java "$base" "$pod" "$work" >/dev/null
template_id=$(mixed_template "$base" "$bearer")

echo "Mixed load: $connections connections for $duration s on $base ..."
result=$(mixed_wrk wrk -t2 -c"$connections" -d"${duration}s" --timeout "${timeout}s")
rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$app_pid/status")
peak=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$app_pid/status")
echo "$result"
echo "Portal $(basename "$portal_jar"), $(nproc) cores; resident memory after: ${rss} MiB (peak ${peak} MiB)"
if ! echo "$result" | grep -q 'unexpected=0 socket_errors=0 '; then
	echo "Some answers were not expected (see unexpected, socket_errors and statuses); $work/portal.log:" >&2
	grep -E 'ERROR|Exception' "$work/portal.log" | head -20 >&2 || true
	exit 1
fi
