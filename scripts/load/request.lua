-- wrk script for scripts/load.sh: one request, repeated. The environment says what it is:
-- METHOD, BODY_FILE (sent as the body), CONTENT_TYPE, AUTHORIZATION, COOKIE, HX (any value
-- sends HX-Request: true, as htmx does), PATHS (paths separated by spaces, taken in turn instead
-- of the URL's). done() prints one line that load.sh reads.
wrk.method = os.getenv("METHOD") or "GET"
local body_file = os.getenv("BODY_FILE")
if body_file and body_file ~= "" then
	local f = assert(io.open(body_file, "rb"))
	wrk.body = f:read("*a")
	f:close()
end
local function header(name, value)
	if value and value ~= "" then wrk.headers[name] = value end
end
header("Content-Type", os.getenv("CONTENT_TYPE"))
header("Authorization", os.getenv("AUTHORIZATION"))
header("Cookie", os.getenv("COOKIE"))
if os.getenv("HX") then header("HX-Request", "true") end

local paths = {}
for path in string.gmatch(os.getenv("PATHS") or "", "%S+") do paths[#paths + 1] = path end
if #paths > 0 then
	local next_path = 0
	function request()
		next_path = next_path % #paths + 1
		return wrk.format(nil, paths[next_path])
	end
end

function done(summary, latency, requests)
	local failed = summary.errors.status + summary.errors.connect + summary.errors.read
		+ summary.errors.write + summary.errors.timeout
	io.write(string.format("RESULT requests=%d failed=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f\n",
		summary.requests, failed, summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
		latency.max / 1000))
end
