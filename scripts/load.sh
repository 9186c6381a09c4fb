#!/usr/bin/env bash
# Load benchmark (issue 8): a throwaway portal on loopback, driven by wrk, each endpoint measured
# against the same server's floor, a small static file served in the same run.
#
#   scripts/load.sh                   # build the jar, seed 100,000 templates, measure, clean up
#
# Options: --jar FILE (the portal to run; otherwise built with the Maven wrapper), --port N (8094),
# --connections N (16), --duration S (seconds per measured run, 20), --warmup S (per endpoint, 20),
# --rounds N (how many times every endpoint and the floor are measured in turn, 3),
# --templates N (seeded before the measured start, 100000; 0 for none), --requests N (the least
# number of requests served before the resident memory is read, 100000), --image-launch (start
# the portal through scripts/launch.sh, as the container image does: the jar extracted, the
# ahead-of-time context, the JVM's AOT cache of a training run made before the timed starts (and
# kept beside the jar for the next run) and the image's memory options; otherwise java -jar),
# --no-pin (wrk and the portal share every core; otherwise wrk runs on CPU 0 and the portal's
# processes on CPU 1, with taskset), --soak S (instead of the rounds: the mixed load of
# scripts/load/mixed.lua for S seconds, the portal's resident memory read every 5 s).
# JAVA_OPTS goes to the portal's JVM, as it would in production (JAVA_OPTS=-XX:MaxRAM=512m sizes
# it as in a 512 MiB container).
# Needs a JDK 25 (found as scripts/lib/java.sh says), curl and wrk (installed with apt-get when
# missing and allowed).
#
# It prints the start-up times (launch to /actuator/health UP, on an empty database and then on
# the seeded one), a table of throughput and latency per endpoint with the ratios to the floor,
# validate's ratios round by round, the preview's round trip for one user alone, and the portal's
# resident memory after the load. With --soak: the mixed load's requests per second and answers,
# the resident memory at its highest and at the end, and whether the log has an OutOfMemoryError
# (and, with -XX:NativeMemoryTracking=summary in JAVA_OPTS, the JVM's own account of its memory).
set -euo pipefail

cd "$(dirname "$0")/.."
port=8094
connections=16
duration=20
warmup=20
rounds=3
templates=100000
least_requests=100000
portal_jar=""
image_launch=false
pin=true
soak=0
while [ $# -gt 0 ]; do
	case "$1" in
		--jar) portal_jar="$2"; shift 2 ;;
		--port) port="$2"; shift 2 ;;
		--connections) connections="$2"; shift 2 ;;
		--duration) duration="$2"; shift 2 ;;
		--warmup) warmup="$2"; shift 2 ;;
		--rounds) rounds="$2"; shift 2 ;;
		--templates) templates="$2"; shift 2 ;;
		--requests) least_requests="$2"; shift 2 ;;
		--image-launch) image_launch=true; shift ;;
		--no-pin) pin=false; shift ;;
		--soak) soak="$2"; shift 2 ;;
		*) echo "unknown option: $1" >&2; exit 2 ;;
	esac
done

# shellcheck source=scripts/lib/bench.sh
. scripts/lib/bench.sh
bench_setup "$portal_jar"
# shellcheck source=scripts/lib/await-ready.sh
. scripts/lib/await-ready.sh

# shellcheck disable=SC2206 # JAVA_OPTS holds several options
launch=(java ${JAVA_OPTS:-} -jar "$portal_jar")
if $image_launch; then
	scripts/launch.sh --prepare "$portal_jar"
	launch=(scripts/launch.sh "$portal_jar")
fi

export PODCOMPOSER_ADMIN_PASSWORD="load-test-password"
export PODCOMPOSER_ADMIN_TOKEN="pct_load-test-token"
base="http://127.0.0.1:$port"

# Starts the portal; startup_ms is the time from launch to healthy.
start_portal() {
	local started
	started=$(date +%s%N)
	PODCOMPOSER_DATA_DIR="$work/data" "${launch[@]}" --server.port="$port" >"$work/portal.log" 2>&1 &
	app_pid=$!
	await_ready "$base/actuator/health" "$app_pid" "$work/portal.log"
	startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop_portal() {
	kill "$app_pid"
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
}

start_portal
first_start=$startup_ms
stop_portal
if [ "$templates" -gt 0 ]; then
	echo "Seeding $templates templates ..."
	# the seeder writes the database file directly, with the H2 driver the portal itself uses
	h2=$(jar tf "$portal_jar" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$')
	(cd "$work" && jar xf "$portal_jar" "$h2")
	java -cp "$work/$h2" scripts/TemplateScale.java seed "jdbc:h2:file:$work/data/podcomposer" "$templates" >/dev/null
fi
start_portal
seeded_start=$startup_ms
java scripts/load/ComposerForm.java "$base" src/jmh/resources/typical-pod.yaml "$work" >/dev/null

pod=src/jmh/resources/typical-pod.yaml
bearer="Bearer $PODCOMPOSER_ADMIN_TOKEN"
cookie=$(cat "$work/cookie")
# a common word, a rarer one, a word no template has, a tag, both, sorted by name, a later page
searches="/api/v1/templates?q=nginx /api/v1/templates?q=kafka /api/v1/templates?q=zircon \
/api/v1/templates?q=no-such-word /api/v1/templates?tag=team-payments /api/v1/templates?q=redis&tag=prod \
/api/v1/templates?q=worker&sort=name /api/v1/templates?page=10"
results="$work/results"

# portal_pids: the portal's process and its descendants.
portal_pids() {
	local pids=("$app_pid") i=0 child
	while [ "$i" -lt "${#pids[@]}" ]; do
		for child in $(pgrep -P "${pids[$i]}"); do pids+=("$child"); done
		i=$((i + 1))
	done
	echo "${pids[@]}"
}

# portal_rss_mib: the resident memory of the portal's processes together, in MiB (0 once gone).
portal_rss_mib() {
	local pid kib total=0
	for pid in $(portal_pids); do
		kib=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
		total=$((total + ${kib:-0}))
	done
	echo $((total / 1024))
}

# The load generator on CPU 0 and the portal on CPU 1, so that neither waits for the other's core.
on_load_cpu=()
if $pin && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
	on_load_cpu=(taskset -c 0)
	# every thread of the portal and of its child processes (the launch may wrap the JVM); the
	# threads started later inherit it
	for pid in $(portal_pids); do taskset -a -p -c 1 "$pid" >/dev/null; done
	placement="wrk on CPU 0, the portal on CPU 1 (taskset)"
elif $pin; then
	placement="wrk and the portal on the same cores (taskset or a second core missing)"
else
	placement="wrk and the portal on the same cores (--no-pin)"
fi

# run NAME CONNECTIONS SECONDS PATH [VARIABLE=value ...]: one wrk run, its RESULT line into $results
run() {
	local name=$1 conns=$2 seconds=$3 path=$4
	shift 4
	local result
	if ! result=$("${on_load_cpu[@]}" env "$@" wrk -t"$(( conns < 2 ? conns : 2 ))" -c"$conns" -d"${seconds}s" \
		-s scripts/load/request.lua "$base$path" | grep '^RESULT'); then
		echo "wrk failed on $name" >&2
		exit 1
	fi
	echo "$name $conns $result" | tee -a "$results"
}

# every endpoint once, for SECONDS each with CONNECTIONS
run_endpoints() {
	local seconds=$1 conns=$2
	run static-file "$conns" "$seconds" /img/logo.svg
	run validate "$conns" "$seconds" /api/v1/validate METHOD=POST CONTENT_TYPE=application/yaml "BODY_FILE=$pod" \
		"AUTHORIZATION=$bearer"
	run render "$conns" "$seconds" "/api/v1/render?kind=Deployment" METHOD=POST CONTENT_TYPE=application/yaml \
		"BODY_FILE=$pod" "AUTHORIZATION=$bearer"
	run preview "$conns" "$seconds" /compose/preview METHOD=POST CONTENT_TYPE=application/x-www-form-urlencoded \
		"BODY_FILE=$work/preview.form" "COOKIE=$cookie" HX=1
	run search "$conns" "$seconds" /api/v1/templates "PATHS=$searches" "AUTHORIZATION=$bearer"
}

served() {
	sed -E 's/.*requests=([0-9]+).*/\1/' "$results" | awk '{ n += $1 } END { print n + 0 }'
}

# the machine's load average (1, 5 and 15 minutes) before and after: other work disturbs the figures
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --soak: the mixed load for that long instead of the rounds, the resident memory read every 5 s
if [ "$soak" -gt 0 ]; then
	template_id=$(mixed_template "$base" "$bearer")
	echo "Mixed load for $soak s with $connections connections; $placement ..."
	mixed_wrk "${on_load_cpu[@]}" wrk -t2 -c"$connections" -d"${soak}s" --timeout 10s >"$work/soak" &
	wrk_pid=$!
	while kill -0 "$wrk_pid" 2>/dev/null; do
		portal_rss_mib >>"$work/rss"
		sleep 5
	done
	wait "$wrk_pid" || true
	end_rss=$(portal_rss_mib)
	# where the memory is, when the JVM tracks it (JAVA_OPTS=-XX:NativeMemoryTracking=summary)
	if [[ "${JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
		for pid in $(portal_pids); do
			jcmd "$pid" VM.native_memory summary 2>/dev/null | grep -E '^(Total|-)' >"$work/nmt" && break
		done
	fi
	echo "$end_rss" >>"$work/rss"
	errors=$(grep -c 'OutOfMemoryError' "$work/portal.log" || true)
	echo
	echo "Pod Composer $(basename "$portal_jar"), $(java -version 2>&1 | head -1), $(nproc) cores, JAVA_OPTS='${JAVA_OPTS:-}', $placement"
	echo "Load average: $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
	echo "Start-up, launch to healthy: ${first_start} ms on an empty database, ${seeded_start} ms with $templates templates"
	cat "$work/soak"
	echo "Requests per second: $(sed -E 's/.* rps=([0-9.]+).*/\1/' "$work/soak")"
	echo "Resident memory: $(sort -n "$work/rss" | tail -1) MiB at the highest (read every 5 s), $end_rss MiB at the end"
	echo "OutOfMemoryError in the log: $errors"
	if [ -s "$work/nmt" ]; then
		echo "Native memory tracking at the end (reserved, committed):"
		cat "$work/nmt"
	fi
	if ! kill -0 "$app_pid" 2>/dev/null; then
		echo "The portal is gone (killed, or it stopped); see its log:" >&2
		tail -20 "$work/portal.log" >&2
		exit 1
	fi
	if [ "$errors" -gt 0 ] || ! grep -q 'unexpected=0 socket_errors=0 ' "$work/soak"; then
		echo "Some answers were not expected (see unexpected, socket_errors and statuses), or the heap ran out." >&2
		exit 1
	fi
	exit 0
fi

echo "Warming up ($warmup s per endpoint) ..."
run_endpoints "$warmup" "$connections" >/dev/null
warmed=$(wc -l <"$results")
echo "Measuring ($rounds rounds of $duration s per endpoint, $connections connections) ..."
for round in $(seq 1 "$rounds"); do
	run_endpoints "$duration" "$connections"
done
# the preview as one user typing sees it: one connection, nothing else running
run preview "1" "$duration" /compose/preview METHOD=POST CONTENT_TYPE=application/x-www-form-urlencoded \
	"BODY_FILE=$work/preview.form" "COOKIE=$cookie" HX=1
measured=$(wc -l <"$results")
while [ "$(served)" -lt "$least_requests" ]; do
	run validate "$connections" 10 /api/v1/validate METHOD=POST CONTENT_TYPE=application/yaml "BODY_FILE=$pod" \
		"AUTHORIZATION=$bearer" >/dev/null
done
rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$app_pid/status")
peak=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$app_pid/status")

cpus=$(nproc)
echo
echo "Pod Composer $(basename "$portal_jar"), $(java -version 2>&1 | head -1), $cpus cores, JAVA_OPTS='${JAVA_OPTS:-}', launched: ${launch[*]}"
echo "$placement; load average: $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo
echo "Start-up, launch to healthy: ${first_start} ms on an empty database, ${seeded_start} ms with $templates templates"
echo
echo "| endpoint | connections | requests/s | × floor | p50 ms | p95 ms | p99 ms | p99 × floor's | max ms | failed |"
echo "|---|---|---|---|---|---|---|---|---|---|"
# each figure the median of the rounds; a ratio is taken against the floor of its own round, as
# the machine's speed drifts between rounds; then validate's ratios round by round (issue 17:
# throughput at least 0.5 × the floor's, p99 at most 2 × the floor's)
sed -n "$((warmed + 1)),${measured}p" "$results" | sed -E 's/RESULT //; s/[a-z0-9]+=//g' | awk -v rounds="$rounds" '
	function median(list,   values, n, i, j, swap) {
		n = split(list, values, " ")
		for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
			swap = values[j]; values[j] = values[j - 1]; values[j - 1] = swap
		}
		return values[int((n + 1) / 2)]
	}
	$1 == "static-file" { floor = $5; floor_p99 = $8 }
	{
		key = $1 " " $2
		if (!(key in seen)) { seen[key] = 1; order[++count] = key }
		rps[key] = rps[key] " " $5; ratio[key] = ratio[key] " " $5 / floor
		p50[key] = p50[key] " " $6; p95[key] = p95[key] " " $7; p99[key] = p99[key] " " $8
		p99_ratio[key] = p99_ratio[key] " " $8 / floor_p99
		if ($9 > max[key]) max[key] = $9
		failed[key] += $4
	}
	$1 == "validate" {
		rounds_rps = rounds_rps sprintf(" %.2f", $5 / floor)
		rounds_p99 = rounds_p99 sprintf(" %.2f", $8 / floor_p99)
	}
	END {
		for (i = 1; i <= count; i++) {
			key = order[i]; split(key, name, " ")
			printf "| %s | %s | %.0f | %.2f | %s | %s | %s | %.2f | %s | %s |\n", name[1], name[2], median(rps[key]),
				median(ratio[key]), median(p50[key]), median(p95[key]), median(p99[key]), median(p99_ratio[key]),
				max[key], failed[key]
		}
		printf "(the median of %d rounds; × floor against the static file of the same round)\n", rounds
		printf "\nvalidate against the floor, round by round: throughput ×%s (median %.2f, target ≥ 0.5), p99 ×%s (median %.2f, target ≤ 2)\n",
			rounds_rps, median(rounds_rps), rounds_p99, median(rounds_p99)
	}'
echo
echo "Resident memory after $(served) requests: ${rss} MiB (peak ${peak} MiB)"
if sed -n "$((warmed + 1)),\$p" "$results" | grep -Eq 'failed=[1-9]'; then
	echo "Some requests failed (not 2xx/3xx, or over wrk's 2 s timeout); see the failed column. The portal's log:" >&2
	grep -E 'ERROR|Exception' "$work/portal.log" | head -20 >&2 || true
	exit 1
fi
