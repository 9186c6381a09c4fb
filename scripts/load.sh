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
# kept beside the jar for the next run) and the image's memory options; otherwise java -jar).
# JAVA_OPTS goes to the portal's JVM, as it would in production.
# Needs Java 17, curl and wrk (installed with apt-get when missing and allowed).
#
# It prints the start-up times (launch to /actuator/health UP, on an empty database and then on
# the seeded one), a table of throughput and latency per endpoint with the ratio to the floor,
# the preview's round trip for one user alone, and the portal's resident memory after the load.
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

# run NAME CONNECTIONS SECONDS PATH [VARIABLE=value ...]: one wrk run, its RESULT line into $results
run() {
	local name=$1 conns=$2 seconds=$3 path=$4
	shift 4
	local result
	if ! result=$(env "$@" wrk -t"$(( conns < 2 ? conns : 2 ))" -c"$conns" -d"${seconds}s" -s scripts/load/request.lua \
		"$base$path" | grep '^RESULT'); then
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
echo
echo "Start-up, launch to healthy: ${first_start} ms on an empty database, ${seeded_start} ms with $templates templates"
echo
echo "| endpoint | connections | requests/s | × floor | p50 ms | p95 ms | p99 ms | max ms | failed |"
echo "|---|---|---|---|---|---|---|---|---|"
# each figure the median of the rounds; a ratio is taken against the floor of its own round, as
# the machine's speed drifts between rounds
sed -n "$((warmed + 1)),${measured}p" "$results" | sed -E 's/RESULT //; s/[a-z0-9]+=//g' | awk '
	function median(list,   values, n, i, j, swap) {
		n = split(list, values, " ")
		for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
			swap = values[j]; values[j] = values[j - 1]; values[j - 1] = swap
		}
		return values[int((n + 1) / 2)]
	}
	$1 == "static-file" { floor = $5 }
	{
		key = $1 " " $2
		if (!(key in seen)) { seen[key] = 1; order[++count] = key }
		rps[key] = rps[key] " " $5; ratio[key] = ratio[key] " " $5 / floor
		p50[key] = p50[key] " " $6; p95[key] = p95[key] " " $7; p99[key] = p99[key] " " $8
		if ($9 > max[key]) max[key] = $9
		failed[key] += $4
	}
	END {
		for (i = 1; i <= count; i++) {
			key = order[i]; split(key, name, " ")
			printf "| %s | %s | %.0f | %.2f | %s | %s | %s | %s | %s |\n", name[1], name[2], median(rps[key]),
				median(ratio[key]), median(p50[key]), median(p95[key]), median(p99[key]), max[key], failed[key]
		}
	}'
echo "(the median of $rounds rounds; × floor against the static file of the same round)"
echo
echo "Resident memory after $(served) requests: ${rss} MiB (peak ${peak} MiB)"
if sed -n "$((warmed + 1)),\$p" "$results" | grep -Eq 'failed=[1-9]'; then
	echo "Some requests failed (not 2xx/3xx, or over wrk's 2 s timeout); see the failed column." >&2
	exit 1
fi
