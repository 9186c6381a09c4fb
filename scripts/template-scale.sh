#!/usr/bin/env bash
# Measures the template library's searches with many templates (issue 5, "Scale").
#
#   scripts/template-scale.sh                 # a throwaway portal on H2: seed 100,000 templates, measure, clean up
#   scripts/template-scale.sh --postgres      # the same on a throwaway PostgreSQL server (profile postgres)
#   scripts/template-scale.sh --postgres-url JDBC_URL   # the same on an empty PostgreSQL database of yours
#   scripts/template-scale.sh --url URL       # measure a running portal as it is (seed nothing)
#
# Options: --count N (templates to seed, 100000), --reps N (calls per search, 200), --warmup S (seconds
# of every search in turn before measuring, 60: on 2 cores the JIT compilers need that), --rounds N (how
# many times to measure them all, 1; the figures of a shared machine swing), --port N (8093),
# --pages (measure the library page /templates too; it needs PODCOMPOSER_ADMIN_PASSWORD with --url),
# --jar FILE (the portal to start; otherwise it is built with the Maven wrapper), --keep (keep the
# throwaway database, to look at query plans with EXPLAIN ANALYZE; a throwaway PostgreSQL server is
# then left running, and the script says how to reach and stop it), --pg-port N (the throwaway
# PostgreSQL server's port, 55433).
# With --url, PODCOMPOSER_ADMIN_TOKEN is the bearer token of the API calls. With --postgres-url,
# SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD are the database's user (who must own
# it, for the pg_trgm extension); the templates seeded stay there.
# Needs a JDK 25 (found as scripts/lib/java.sh says) and curl; --postgres needs PostgreSQL's server
# (/usr/lib/postgresql/*/bin).
set -euo pipefail

cd "$(dirname "$0")/.."
count=100000
reps=200
warmup=60
rounds=1
port=8093
url=""
pages=false
portal_jar=""
keep=false
postgres=false
postgres_url=""
pg_port=55433
while [ $# -gt 0 ]; do
	case "$1" in
		--count) count="$2"; shift 2 ;;
		--reps) reps="$2"; shift 2 ;;
		--warmup) warmup="$2"; shift 2 ;;
		--rounds) rounds="$2"; shift 2 ;;
		--port) port="$2"; shift 2 ;;
		--url) url="$2"; shift 2 ;;
		--pages) pages=true; shift ;;
		--jar) portal_jar="$2"; shift 2 ;;
		--keep) keep=true; shift ;;
		--postgres) postgres=true; shift ;;
		--postgres-url) postgres=true; postgres_url="$2"; shift 2 ;;
		--pg-port) pg_port="$2"; shift 2 ;;
		*) echo "unknown option: $1" >&2; exit 2 ;;
	esac
done
# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh

# The searches. {a|b|c} takes its alternatives in turn and {n} is the number of the call, so that
# no two calls in a row ask the same: a common word (each in about 7% of the templates), a rare
# word (each in 10), a word no template has, a tag (5%), a word and a tag, sorting by name, and
# deep pages.
common="{nginx|redis|kafka|worker|api|gateway|cache|exporter|proxy|scheduler}"
rare="{zircon|quartz|basalt|gneiss|schist|marble|slate|pumice|obsidian|jasper}"
teams="team-{payments|search|checkout|identity|catalog|shipping|billing|fraud|ledger|reporting}"
searches=(
	"?page={0|1|2|3|4|5|6|7|8|9}"
	"?q=$common"
	"?q=$rare"
	"?q=no-such-word-{n}"
	"?tag=$teams"
	"?q={redis|kafka|worker|cache|proxy}&tag={prod|staging|dev}"
	"?q=$common&sort=name"
	"?sort=name&page={2500|2501|2502|2503|2504}"
	"?page={4000|4001|4002|4003|4004}"
)
paths=()
for search in "${searches[@]}"; do paths+=("/api/v1/templates$search"); done
if $pages; then
	for search in "${searches[@]}"; do paths+=("/templates$search"); done
fi

measure() {
	for round in $(seq 1 "$rounds"); do
		if [ "$rounds" -gt 1 ]; then echo "round $round of $rounds"; fi
		java scripts/TemplateScale.java measure "$1" "$reps" "$warmup" "${paths[@]}"
	done
}

if [ -n "$url" ]; then
	: "${PODCOMPOSER_ADMIN_TOKEN:?set PODCOMPOSER_ADMIN_TOKEN to the bearer token of an admin}"
	java25_on_path
	measure "$url"
	exit 0
fi

# shellcheck source=scripts/lib/portal-jar.sh
. scripts/lib/portal-jar.sh
portal_jar "$portal_jar"
# after the build, which keeps Maven's own Java
java25_on_path

work=$(mktemp -d)
app_pid=""
pg_bin=""
as_pg=()
stop_postgres() {
	"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
}
cleanup() {
	if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
	if $keep; then
		if [ -n "$pg_bin" ]; then
			echo "PostgreSQL keeps running: ${as_pg[*]} $pg_bin/psql -h $work -p $pg_port -U podcomposer podcomposer"
			echo "stop it with: ${as_pg[*]} $pg_bin/pg_ctl -D $work/pg -m fast stop && rm -rf $work"
		else
			echo "The database is kept in $work/data"
		fi
	else
		if [ -n "$pg_bin" ]; then stop_postgres; fi
		rm -rf "$work"
	fi
}
trap cleanup EXIT

export PODCOMPOSER_ADMIN_PASSWORD="scale-test-password"
export PODCOMPOSER_ADMIN_TOKEN="pct_scale-test-token"
base="http://localhost:$port"

# A throwaway PostgreSQL server, as .ci/run starts one: on a loopback port, its data in the work
# folder; as the user postgres when this runs as root, which PostgreSQL refuses to run as.
start_postgres() {
	pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
	if [ "$(id -u)" = 0 ]; then
		chown postgres "$work"
		as_pg=(runuser -u postgres --)
	fi
	SPRING_DATASOURCE_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
	echo "$SPRING_DATASOURCE_PASSWORD" >"$work/pg-password"
	chmod 644 "$work/pg-password"
	"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
		--pwfile="$work/pg-password" >/dev/null
	rm "$work/pg-password"
	"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
		-o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work -c fsync=off" start >/dev/null
	"${as_pg[@]}" "$pg_bin/psql" -h "$work" -p "$pg_port" -U postgres -q -v ON_ERROR_STOP=1 \
		-c "CREATE USER podcomposer PASSWORD '$SPRING_DATASOURCE_PASSWORD'" \
		-c "CREATE DATABASE podcomposer OWNER podcomposer"
	echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
	postgres_url="jdbc:postgresql://127.0.0.1:$pg_port/podcomposer"
	SPRING_DATASOURCE_USERNAME=podcomposer
}

if $postgres; then
	if [ -z "$postgres_url" ]; then
		start_postgres
	else
		: "${SPRING_DATASOURCE_USERNAME:?set SPRING_DATASOURCE_USERNAME (and SPRING_DATASOURCE_PASSWORD) with --postgres-url}"
	fi
	export SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="$postgres_url"
	export SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD="${SPRING_DATASOURCE_PASSWORD:-}"
	database="$postgres_url"
	engine=PostgreSQL
	driver='^BOOT-INF/lib/postgresql-[0-9.]+\.jar$'
else
	database="jdbc:h2:file:$work/data/podcomposer"
	engine=H2
	driver='^BOOT-INF/lib/h2-[0-9.]+\.jar$'
fi

# as the image starts it (scripts/launch.sh); the cache of its training run is made first
scripts/launch.sh --prepare "$portal_jar"
start_portal() {
	PODCOMPOSER_DATA_DIR="$work/data" scripts/launch.sh "$portal_jar" --server.port="$port" >"$work/portal.log" 2>&1 &
	app_pid=$!
	for _ in $(seq 1 120); do
		if curl -fs "$base/actuator/health" >/dev/null 2>&1; then return 0; fi
		if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/portal.log" >&2; exit 1; fi
		sleep 1
	done
	echo "the portal did not start within 2 minutes; see $work/portal.log" >&2
	exit 1
}

stop_portal() {
	kill "$app_pid"
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
}

echo "Creating the schema on a throwaway database in $work ..."
start_portal
stop_portal

# the seeder writes the database directly, with the JDBC driver the portal itself uses
jdbc_jar=$(jar tf "$portal_jar" | grep -E "$driver")
(cd "$work" && jar xf "$portal_jar" "$jdbc_jar")
java -cp "$work/$jdbc_jar" scripts/TemplateScale.java seed "$database" "$count"

start_portal
echo "Measuring with $count templates (+ the starter catalog) on $engine; $reps calls per search, one at a time:"
measure "$base"
