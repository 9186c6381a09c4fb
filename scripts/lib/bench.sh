# Sourced by the benchmark scripts that drive a throwaway portal with wrk.

# shellcheck source=scripts/lib/portal-jar.sh
. scripts/lib/portal-jar.sh
# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh

# bench_setup [FILE]: wrk, the portal's jar in $portal_jar (see portal_jar), a JDK 25's java first
# on the PATH and a throwaway $work.
bench_setup() {
	need_wrk
	portal_jar "${1:-}"
	# after the build, which keeps Maven's own Java
	java25_on_path
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

# mixed_template BASE AUTHORIZATION: adds the template that scripts/load/mixed.lua renders; prints its id.
mixed_template() {
	curl -fs -X POST "$1/api/v1/templates" -H "Authorization: $2" -H "Content-Type: application/yaml" \
		--data-binary @- <<'YAML' | sed -E 's/.*"id":([0-9]+).*/\1/'
name: mixed-load
parameters: [{name: TAG, default: "1.27"}]
manifest:
  apiVersion: v1
  kind: Pod
  metadata: {name: web, labels: {app: web}}
  spec:
    containers: [{name: web, image: "nginx:${TAG}"}]
YAML
}

# mixed_wrk COMMAND...: runs COMMAND (wrk and its options, maybe behind taskset) with
# scripts/load/mixed.lua against $base/ and prints its RESULT line. It needs $pod, $work/preview.form
# and $work/cookie (scripts/load/ComposerForm.java), $bearer and $template_id (mixed_template).
mixed_wrk() {
	POD_FILE="$pod" FORM_FILE="$work/preview.form" COOKIE="$(cat "$work/cookie")" AUTHORIZATION="$bearer" \
		TEMPLATE_ID="$template_id" "$@" -s scripts/load/mixed.lua "$base/" | grep '^RESULT'
}

cleanup() {
	if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
