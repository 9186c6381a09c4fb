-- wrk script for scripts/mixed-load.sh: a mix of API and page requests taken in turn on every
-- connection, and amplification bombs that must be refused. The environment gives AUTHORIZATION,
-- COOKIE, POD_FILE (a manifest), FORM_FILE (a composer preview form) and TEMPLATE_ID.
-- An answer counts as expected when it is 2xx or 3xx, or a 413 that names the 1 MiB limit (the
-- bombs); anything else, and every socket error or timeout, counts as an error. done() prints
-- one line that mixed-load.sh reads.
local function read(path)
	local f = assert(io.open(path, "rb"))
	local text = f:read("*a")
	f:close()
	return text
end

local pod = read(os.getenv("POD_FILE"))
local form = read(os.getenv("FORM_FILE"))
local id = os.getenv("TEMPLATE_ID")
local api = { ["Authorization"] = os.getenv("AUTHORIZATION") }
local yaml = { ["Authorization"] = os.getenv("AUTHORIZATION"), ["Content-Type"] = "application/yaml" }
local json = { ["Authorization"] = os.getenv("AUTHORIZATION"), ["Content-Type"] = "application/json" }
local page = { ["Cookie"] = os.getenv("COOKIE") }
local htmx = { ["Cookie"] = os.getenv("COOKIE"), ["HX-Request"] = "true",
	["Content-Type"] = "application/x-www-form-urlencoded" }

-- 100 KiB that stands for 100 MiB through aliases, and through a placeholder
local long = string.rep("x", 100 * 1024)
local aliases = "a: &a \"" .. long .. "\"\nb: [" .. string.rep("*a, ", 999) .. "*a]\n"
local placeholders = "manifest:\n  apiVersion: v1\n  kind: Pod\n  metadata: {name: web}\n  spec:\n"
	.. "    containers: [{name: web, image: nginx, args: [\"" .. string.rep("${P}", 1000) .. "\"]}]\n"
	.. "values: {P: \"" .. long .. "\"}\n"

local mix = {
	{ "GET", "/api/v1/templates", api },
	{ "GET", "/api/v1/templates?q=web", api },
	{ "GET", "/api/v1/templates/" .. id, api },
	{ "POST", "/api/v1/validate", yaml, pod },
	{ "POST", "/api/v1/render?kind=Deployment", yaml, pod },
	{ "POST", "/api/v1/templates/" .. id .. "/render", json, "{\"values\": {\"TAG\": \"1.29\"}}" },
	{ "GET", "/api/v1/me", api },
	{ "POST", "/compose/preview", htmx, form },
	{ "GET", "/compose", page },
	{ "GET", "/templates", page },
	{ "GET", "/templates/" .. id, page },
	{ "GET", "/actuator/health", {} },
	{ "POST", "/api/v1/render", yaml, aliases },
	{ "POST", "/api/v1/render", yaml, placeholders },
}

local requests = {}
local next_request = 0

function init(args)
	for i, item in ipairs(mix) do
		requests[i] = wrk.format(item[1], item[2], item[3], item[4])
	end
end

function request()
	next_request = next_request % #requests + 1
	return requests[next_request]
end

ok = 0
refused = 0
unexpected = 0
statuses = ""

function response(status, headers, body)
	if status >= 200 and status < 400 then
		ok = ok + 1
	elseif status == 413 and body and string.find(body, "1048576", 1, true) then
		refused = refused + 1
	else
		unexpected = unexpected + 1
		if not string.find(statuses, " " .. status .. " ", 1, true) then statuses = statuses .. " " .. status .. " " end
	end
end

local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function done(summary, latency, requests)
	local counted_ok, counted_refused, counted_unexpected, seen = 0, 0, 0, ""
	for _, thread in ipairs(threads) do
		counted_ok = counted_ok + thread:get("ok")
		counted_refused = counted_refused + thread:get("refused")
		counted_unexpected = counted_unexpected + thread:get("unexpected")
		seen = seen .. thread:get("statuses")
	end
	local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
	io.write(string.format("RESULT requests=%d ok=%d refused=%d unexpected=%d socket_errors=%d rps=%.1f "
		.. "p50=%.2f p95=%.2f p99=%.2f max=%.2f statuses=[%s]\n",
		summary.requests, counted_ok, counted_refused, counted_unexpected, socket,
		summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
		latency:percentile(99) / 1000, latency.max / 1000, seen))
end
