#!/usr/bin/env bash
# Start-up benchmark (issue 17): the portal started through scripts/launch.sh, as the image
# starts it, timed from the launch to /actuator/health/readiness answering 200 with UP (polled
# every 20 ms), on an empty data folder and again over the data that start left (a restart).
#
#   scripts/startup.sh                          # build the jar, 5 launches of each kind
#   scripts/startup.sh --jar A.jar --jar B.jar  # two builds, launched in turn (before and after)
#
# Options: --jar FILE (may be given more than once: the jars take turns, so that all see the same
# minutes of a shared machine; otherwise the one the Maven wrapper builds), --launches N (of each
# kind and jar, 5), --port N (8096). JAVA_OPTS goes to the portal's JVM (JAVA_OPTS=-XX:MaxRAM=512m
# sizes it as in a 512 MiB container). Each jar's launch folder (the extraction and the AOT cache
# of the training run) is made before the timed starts, beside the jar, and kept.
# Needs a JDK 25 (as scripts/launch.sh finds it) and curl.
#
# It prints each start (time to ready; the JVM's CPU time until then, all threads, which other work
# on a shared machine sways less, and the JIT compilers' part of it; resident memory at ready; load
# average), then per jar and kind the fastest, the median and the slowest start and the medians of
# the CPU times and resident memory.
set -euo pipefail

cd "$(dirname "$0")/.."
jars=()
launches=5
port=8096
while [ $# -gt 0 ]; do
	case "$1" in
		--jar) jars+=("$2"); shift 2 ;;
		--launches) launches="$2"; shift 2 ;;
		--port) port="$2"; shift 2 ;;
		*) echo "unknown option: $1" >&2; exit 2 ;;
	esac
done

# shellcheck source=scripts/lib/portal-jar.sh
. scripts/lib/portal-jar.sh
# shellcheck source=scripts/lib/await-ready.sh
. scripts/lib/await-ready.sh
if [ ${#jars[@]} -eq 0 ]; then
	portal_jar ""
	jars=("$portal_jar")
fi
for i in "${!jars[@]}"; do
	portal_jar "${jars[$i]}"
	jars[$i]=$portal_jar
	scripts/launch.sh --prepare "$portal_jar"
done

work=$(mktemp -d)
app_pid=""
cleanup() {
	if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT
export PODCOMPOSER_ADMIN_PASSWORD="startup-test-password"
readiness="http://127.0.0.1:$port/actuator/health/readiness"

# start JAR KIND: one timed start over $work/data, a line into $work/results, and a stop
start() {
	local jar=$1 kind=$2 started ms rss cpu
	started=$(date +%s%N)
	PODCOMPOSER_DATA_DIR="$work/data" scripts/launch.sh "$jar" --server.address=127.0.0.1 --server.port="$port" \
		>"$work/portal.log" 2>&1 &
	app_pid=$!
	await_ready "$readiness" "$app_pid" "$work/portal.log"
	ms=$(( ($(date +%s%N) - started) / 1000000 ))
	rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$app_pid/status")
	# the JVM's CPU time until then, every thread (user and system): less swayed by other work
	cpu=$(awk -v tick="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tick) }' "/proc/$app_pid/stat")
	# of that, the JIT compilers' threads (named "C1 CompilerThre…", "C2 CompilerThre…")
	jit=$(for task in "/proc/$app_pid"/task/*; do
		if grep -q '^C[12] Compiler' "$task/comm" 2>/dev/null; then cat "$task/stat"; fi
	done | sed 's/^.*) //' | awk -v tick="$(getconf CLK_TCK)" '{ sum += $12 + $13 } END { print int(sum * 1000 / tick) }')
	if grep -q 'Unable to use AOT cache\|\[error\]\[aot' "$work/portal.log"; then
		echo "the JVM did not use the AOT cache; see $work/portal.log" >&2
		exit 1
	fi
	kill "$app_pid"
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
	echo "$(basename "$jar") $kind $ms $cpu $jit $rss $(cut -d ' ' -f 1 /proc/loadavg)" | tee -a "$work/results"
}

echo "Start-up through scripts/launch.sh to readiness UP; $(nproc) cores, JAVA_OPTS='${JAVA_OPTS:-}'"
echo "jar kind ms cpu-ms jit-cpu-ms rss-MiB load-average"
for _ in $(seq 1 "$launches"); do
	for jar in "${jars[@]}"; do
		rm -rf "$work/data"
		start "$jar" empty
		start "$jar" restart
	done
done

echo
echo "| jar | data folder (empty, or a restart over the data of the start before) | launches | fastest ms | median ms | slowest ms | CPU ms, median | of it the JIT compilers', median | RSS at ready, median MiB |"
echo "|---|---|---|---|---|---|---|---|---|"
# column N of the results of JAR and KIND, sorted
column() {
	awk -v jar="$(basename "$1")" -v kind="$2" -v n="$3" '$1 == jar && $2 == kind { print $n }' "$work/results" | sort -n
}
for jar in "${jars[@]}"; do
	for kind in empty restart; do
		mapfile -t ms < <(column "$jar" "$kind" 3)
		mapfile -t cpu < <(column "$jar" "$kind" 4)
		mapfile -t jit < <(column "$jar" "$kind" 5)
		mapfile -t rss < <(column "$jar" "$kind" 6)
		middle=$(( (${#ms[@]} - 1) / 2 ))
		echo "| $(basename "$jar") | $kind | ${#ms[@]} | ${ms[0]} | ${ms[$middle]} | ${ms[-1]} | ${cpu[$middle]} | ${jit[$middle]} | ${rss[$middle]} |"
	done
done
