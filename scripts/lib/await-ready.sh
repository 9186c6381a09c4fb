# Sourced by the benchmark scripts. await_ready URL PID LOG: polls URL every 20 ms until it answers
# 200 with "UP" in its body; fails, showing LOG, when process PID ends first or after 3 minutes.
await_ready() {
	local url=$1 pid=$2 log=$3 started=$SECONDS answer
	until answer=$(curl -fs "$url" 2>/dev/null) && [[ $answer == *'"UP"'* ]]; do
		if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
		if [ $((SECONDS - started)) -gt 180 ]; then
			echo "the portal did not get ready within 3 minutes; see $log" >&2
			exit 1
		fi
		sleep 0.02
	done
}
