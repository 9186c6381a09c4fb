# Sourced by the scripts. java25: the path of a java of JDK 25 or newer, the portal's runtime:
# JAVA_HOME's when it is one, else the java on the PATH when it is one, else the first under
# /usr/lib/jvm; without one it says so and fails.
java25() {
	local candidate major
	for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
		[ -x "$candidate" ] || continue
		major=$("$candidate" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p') || major=0
		if [ "${major:-0}" -ge 25 ]; then
			echo "$candidate"
			return 0
		fi
	done
	echo "No JDK 25 or newer found (JAVA_HOME, the PATH, /usr/lib/jvm); install one, such as Temurin 25." >&2
	return 1
}

# java25_on_path: java25's folder first on the PATH, so that the script's java and jar are of it.
java25_on_path() {
	local java
	java=$(java25) || exit 1
	PATH="$(dirname "$java"):$PATH"
}
