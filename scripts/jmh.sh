#!/usr/bin/env bash
# The JMH benchmarks (src/jmh/java) on a JDK 25, the portal's runtime: builds the benchmarks jar with
# the Maven wrapper (profile bench) and runs it; the arguments are JMH's.
#
#   scripts/jmh.sh                              # every benchmark, with the settings of its annotations
#   scripts/jmh.sh -f 1 -wi 1 -i 1 CoreWork     # a quick look at one
#
# The JDK is found as scripts/lib/java.sh says; JMH's forks run on the same one.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh
java=$(java25)
# clean: classes compiled before the processor was named have no benchmark list, and an incremental
# build would keep them
./mvnw -q -B -Pbench clean package -DskipTests
exec "$java" -jar target/bench/benchmarks.jar "$@"
