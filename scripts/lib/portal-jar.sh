# Sourced by the benchmark scripts. portal_jar [FILE]: the portal's jar as an absolute path in
# $portal_jar: FILE when given, otherwise the one the Maven wrapper builds (without the tests).
portal_jar() {
	portal_jar=${1:-}
	if [ -z "$portal_jar" ]; then
		./mvnw -q -B package -DskipTests
		portal_jar=$(ls target/pod-composer-*.jar | grep -v plain | head -1)
	fi
	portal_jar=$(cd "$(dirname "$portal_jar")" && pwd)/$(basename "$portal_jar")
}
