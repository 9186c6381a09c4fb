# Sourced by the benchmark scripts that drive a throwaway portal with wrk.

# shellcheck source=scripts/lib/portal-jar.sh
. scripts/lib/portal-jar.sh

# bench_setup [FILE]: wrk, the portal's jar in $portal_jar (see portal_jar) and a throwaway $work.
bench_setup() {
	need_wrk
	portal_jar "${1:-}"
	throwaway_work
}

# need_wrk: wrk on the PATH, installed with apt-get when missing and allowed; otherwise exits.
need_wrk() {
	if ! command -v wrk >/dev/null; then
		if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
			apt-get install -y -q wrk >/dev/null
		else
			echo "wrk is missing: install it (Debian: apt-get install wrk)" >&2
			exit 1
		fi
	fi
}

# throwaway_work: a new directory in $work, removed on exit with the portal started as $app_pid.
throwaway_work() {
	work=$(mktemp -d)
	app_pid=""
	trap cleanup EXIT
}

cleanup() {
	if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
