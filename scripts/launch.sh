#!/usr/bin/env bash
# Starts Pod Composer as the container image does (issue 17): on a JDK 25 or later, from the jar
# extracted beside itself, with the application context worked out at build time (Spring AOT) and
# the JVM's ahead-of-time cache of a training run (JEP 483/514/515: classes loaded and linked,
# method profiles), and memory options for a container.
#
#   scripts/launch.sh JAR [Spring Boot arguments]   # e.g. scripts/launch.sh target/pod-composer-0.1.0.jar --server.port=9090
#   scripts/launch.sh --prepare JAR                 # only extract and train (the image build does this)
#
# Everything it keeps goes into NAME.launch/ beside NAME.jar: the extracted jar, the cache
# (NAME.aot) and a stamp of what they were made for. The first start, and the first after the jar
# or the JDK changes, extracts the jar and makes the cache: the portal is started on a throwaway
# data folder, port and database (none of the environment's SPRING_* or PODCOMPOSER_* settings),
# asked a few requests and stopped, and the JVM writes the cache as it exits (about a minute on
# two cores). When only the JVM options changed, the JVM is asked whether it takes the cache, and
# the cache is made again if not. JAR may also be a jar extracted already (the image's layers):
# it is then started where it lies, its cache in NAME.launch/ beside it. Where that folder cannot
# be written (the image runs as a non-root user), a cache that does not fit is left unused, with
# a warning, and the portal starts without it.
#
# JAVA_OPTS adds JVM options (JAVA_TOOL_OPTIONS too, which the JVM reads itself); both are part
# of the training. The JDK: JAVA_HOME if it is 25 or later, else java on the PATH if it is,
# else one in /usr/lib/jvm.
set -euo pipefail

# The memory options, for a container of 512 MiB (docs/PERFORMANCE.md, "Memory"). The cache is
# made and used with the same collector and object headers: the JVM refuses it otherwise.
# Serial collector: the JVM's own choice on 2 cores or under 2 GiB, without G1's 40 MiB of
# structures. Compact object headers: 8 instead of 12 bytes on every object. The heap: a quarter
# of the container's memory at most, as the rest of the process takes about 220 MiB; at least
# 64 MiB from the start, as the cache's objects need 16 (below that the JVM stops with "archived
# heap objects cannot be loaded") and a smaller heap collects a dozen times during start-up.
memory_options=(-XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:MaxRAMPercentage=25 -Xms64m
	-XX:+ExitOnOutOfMemoryError)
# glibc's malloc keeps an arena for each of up to 8 threads per core, each holding memory it has
# freed; the JVM's own allocations (compilers, class loading, threads) need two.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

usage() {
	echo "usage: $0 [--prepare] JAR [Spring Boot arguments]" >&2
	exit 2
}

prepare_only=false
if [ "${1:-}" = --prepare ]; then
	prepare_only=true
	shift
fi
[ $# -ge 1 ] || usage
jar=$1
shift
if [ ! -f "$jar" ]; then
	echo "launch.sh: no jar at $jar" >&2
	exit 1
fi
jar_dir=$(cd "$(dirname "$jar")" && pwd)
name=$(basename "$jar" .jar)
jar="$jar_dir/$name.jar"
state="$jar_dir/$name.launch"
cache="$state/$name.aot"

# the major version of the JDK (or JRE) in $1, from its release file without starting it
java_major() {
	local version=""
	if [ -f "$1/release" ]; then
		version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
	fi
	if [ -z "$version" ] && [ -x "$1/bin/java" ]; then
		version=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
	fi
	echo "${version:-0}"
}

find_java_home() {
	local candidates=() home found=""
	if [ -n "${JAVA_HOME:-}" ]; then candidates+=("$JAVA_HOME"); fi
	if command -v java >/dev/null; then
		candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
	fi
	for home in /usr/lib/jvm/*25* /usr/lib/jvm/*; do
		if [ -d "$home" ]; then candidates+=("$home"); fi
	done
	for home in "${candidates[@]}"; do
		if [ -x "$home/bin/java" ] && [ "$(java_major "$home")" -ge 25 ]; then
			echo "$home"
			return
		fi
		found="$found $home ($(java_major "$home"))"
	done
	echo "launch.sh: needs a JDK or JRE 25 or later; found:${found:- none}. Set JAVA_HOME to a JDK 25." >&2
	exit 1
}

java_home=$(find_java_home)
java="$java_home/bin/java"
# shellcheck disable=SC2206 # JAVA_OPTS holds several options
options=("${memory_options[@]}" ${JAVA_OPTS:-} -Dspring.aot.enabled=true)

# A jar already extracted has no Spring Boot loader (BOOT-INF/) in it: it is started where it is.
if grep -qa 'BOOT-INF/' "$jar"; then
	extracted="$state/app"
	app_jar="$extracted/$name.jar"
else
	extracted=""
	app_jar="$jar"
fi

# What the extraction and the cache were made for: the jar (size and time, not a checksum of
# 100 MB at every start), the JVM's build, the options.
jar_stamp="jar $jar $(stat -L -c '%s %Y' "$jar")"
java_stamp="java $java_home $(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$java_home/release" 2>/dev/null) \
$(stat -L -c '%s %Y' "$java_home/lib/server/libjvm.so" 2>/dev/null || true)"
options_stamp="options ${options[*]} ${JAVA_TOOL_OPTIONS:-}"

stamp_line() {
	sed -n "$1p" "$state/stamp" 2>/dev/null || true
}

# whether the JVM, with these options, takes the cache for this class path (-XX:AOTMode=on fails
# where the default mode would start without it)
cache_accepted() {
	[ -f "$cache" ] && "$java" "${options[@]}" -XX:AOTCache="$cache" -XX:AOTMode=on -cp "$app_jar" -version \
		>/dev/null 2>&1
}

extract() {
	echo "launch.sh: extracting $jar ..." >&2
	rm -rf "$state/app.new" "$state/app.old"
	"$java" -Djarmode=tools -jar "$jar" extract --destination "$state/app.new" >/dev/null
	# a start that read the stamp before it was removed could still be opening the old files
	if [ -d "$extracted" ]; then mv "$extracted" "$state/app.old"; fi
	mv "$state/app.new" "$extracted"
	rm -rf "$state/app.old"
}

# one HTTP/1.1 request to the training portal on 127.0.0.1:$port, over bash's /dev/tcp (the
# image's JRE has no curl); prints the answer, head and body
http() {
	local method=$1 path=$2 type=${3:-} body=${4:-} header=${5:-}
	{ exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
	{
		printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n' "$method" "$path"
		if [ -n "$header" ]; then printf '%s\r\n' "$header"; fi
		if [ -n "$type" ]; then printf 'Content-Type: %s\r\nContent-Length: %s\r\n' "$type" "${#body}"; fi
		printf '\r\n%s' "$body"
	} >&3
	cat <&3
	exec 3<&-
}

# the cookies an answer sets, as a Cookie header's value
cookies() {
	sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | paste -sd ';' | sed 's/;/; /g'
}

# The training run: the portal started and used as a user would, then stopped; the JVM writes the
# cache as it exits.
train() {
	echo "launch.sh: making the AOT cache with a training run (about a minute) ..." >&2
	local work pid port="" token password started answer csrf cookie variable option unset=() training=()
	work=$(mktemp -d)
	# nothing of the operator's settings: no database, profile or property of theirs
	for variable in $(compgen -e); do
		case $variable in SPRING_* | PODCOMPOSER_* | JAVA_TOOL_OPTIONS) unset+=(-u "$variable") ;; esac
	done
	# shellcheck disable=SC2206 # JAVA_TOOL_OPTIONS holds several options
	for option in "${options[@]}" ${JAVA_TOOL_OPTIONS:-}; do
		case $option in -D*) ;; *) training+=("$option") ;; esac
	done
	training+=(-Dspring.aot.enabled=true)
	token="pct_training-$RANDOM$RANDOM"
	password="training-$RANDOM$RANDOM"
	rm -f "$cache.new" "$cache.new.config"
	(cd "$work" && exec env "${unset[@]}" PODCOMPOSER_DATA_DIR="$work/data" PODCOMPOSER_ADMIN_PASSWORD="$password" \
		PODCOMPOSER_ADMIN_TOKEN="$token" "$java" "${training[@]}" -XX:AOTCacheOutput="$cache.new" -jar "$app_jar" \
		--server.port=0 --server.address=127.0.0.1 >"$work/training.log" 2>&1) &
	pid=$!
	trap 'kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
	started=$SECONDS
	until [ -n "$port" ] && [[ $(http GET /actuator/health/readiness) == *'"UP"'* ]]; do
		if ! kill -0 "$pid" 2>/dev/null || [ $((SECONDS - started)) -gt 600 ]; then
			echo "launch.sh: the training run did not start; its log:" >&2
			tail -50 "$work/training.log" >&2
			exit 1
		fi
		port=$(grep -o 'Tomcat started on port [0-9]*' "$work/training.log" | grep -o '[0-9]*$' || true)
		sleep 0.2
	done
	# what a user does first: the API, signing in, the composer and the library; the answers'
	# status lines go to the end of the training log
	local pod='{"apiVersion":"v1","kind":"Pod","metadata":{"name":"training"},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}'
	for _ in 1 2 3; do
		{
			http POST /api/v1/validate application/json "$pod" "Authorization: Bearer $token" | sed -n 1p
			http POST '/api/v1/render?kind=Deployment' application/json "$pod" "Authorization: Bearer $token" | sed -n 1p
			http GET '/api/v1/templates?q=nginx' "" "" "Authorization: Bearer $token" | sed -n 1p
			answer=$(http GET /login)
			csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$answer" | head -1)
			cookie=$(cookies <<<"$answer")
			answer=$(http POST /login application/x-www-form-urlencoded "username=admin&password=$password&_csrf=$csrf" \
				"Cookie: $cookie")
			sed -n 1p <<<"$answer"
			cookie=$(cookies <<<"$answer")
			http GET /compose "" "" "Cookie: $cookie" | sed -n 1p
			http GET /templates "" "" "Cookie: $cookie" | sed -n 1p
		} >>"$work/requests.log" 2>&1 || true
	done
	kill "$pid"
	wait "$pid" || true
	trap - EXIT
	cat "$work/requests.log" >>"$work/training.log"
	mv "$work/training.log" "$state/training.log"
	if [ ! -s "$cache.new" ]; then
		echo "launch.sh: the training run wrote no cache; its log:" >&2
		tail -50 "$state/training.log" >&2
		exit 1
	fi
	mv "$cache.new" "$cache"
	rm -rf "$work"
}

# Makes what is missing or stale, under a lock (another launch may be at it).
make_launch() {
	exec 9>"$state/lock"
	flock 9
	local made_jar made_java made_options
	made_jar=$(stamp_line 1)
	made_java=$(stamp_line 2)
	made_options=$(stamp_line 3)
	if [ "$made_jar|$made_java|$made_options" != "$jar_stamp|$java_stamp|$options_stamp" ]; then
		rm -f "$state/stamp"
		if [ -n "$extracted" ] && { [ "$made_jar" != "$jar_stamp" ] || [ ! -f "$app_jar" ]; }; then
			extract
		fi
		# a new jar needs a new cache; a new JVM or new options only if the JVM refuses the old one
		if [ "$made_jar" != "$jar_stamp" ] || ! cache_accepted; then
			train
		fi
		printf '%s\n%s\n%s\n' "$jar_stamp" "$java_stamp" "$options_stamp" >"$state/stamp.new"
		mv "$state/stamp.new" "$state/stamp"
	fi
	exec 9>&-
}

if [ "$(stamp_line 1)|$(stamp_line 2)|$(stamp_line 3)" != "$jar_stamp|$java_stamp|$options_stamp" ]; then
	if { mkdir -p "$state" && [ -w "$state" ]; } 2>/dev/null; then
		make_launch
	elif $prepare_only; then
		echo "launch.sh: cannot write $state" >&2
		exit 1
	elif [ -n "$extracted" ] && [ "$(stamp_line 1)" != "$jar_stamp" ]; then
		echo "launch.sh: $state is not this jar's and cannot be written: starting without the AOT cache" >&2
		exec "$java" "${options[@]}" -jar "$jar" "$@"
	elif ! cache_accepted; then
		echo "launch.sh: the JVM refuses $cache with these options, and $state cannot be written: starting without it" >&2
		exec "$java" "${options[@]}" -jar "$app_jar" "$@"
	fi
fi
if $prepare_only; then
	exit 0
fi
exec "$java" "${options[@]}" -XX:AOTCache="$cache" -jar "$app_jar" "$@"
