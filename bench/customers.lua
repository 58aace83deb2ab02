-- wrk script for GET /api/v1/customers (used by bench/customers-search.sh).
--
--   BENCH_TOKEN=eyJ... BENCH_PATHS=/tmp/paths.txt \
--     wrk -t2 -c16 -d20s --latency -s bench/customers.lua http://127.0.0.1:18280
--
-- BENCH_TOKEN: the bearer token (from the environment, so it lands in no file and no process list).
-- BENCH_PATHS: a file with one request path per line (already URL-encoded), e.g.
--   /api/v1/customers?q=hern%C3%A1ndez&page=0&size=20
-- Each connection walks the list in turn, starting at a different line, so the scenario rotates its
-- search terms instead of asking the same thing again and again.
--
-- done() prints a human-readable block and one "BENCH_RESULT" line (key=value, latencies in ms)
-- that the shell script parses.

local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  error("BENCH_TOKEN is not set: export the access token from POST /api/v1/auth/login")
end
local file = os.getenv("BENCH_PATHS")
if file == nil or file == "" then
  error("BENCH_PATHS is not set: a file with one request path per line")
end

local paths = {}
for line in io.lines(file) do
  if line ~= "" then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. file) end

wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"

local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
  threads[#threads + 1] = thread
end

function init(args)
  -- spread the threads over the list
  counter = (thread_id or 0) * 7919
end

function request()
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

-- No response() function on purpose: defining it makes wrk parse every body in Lua, which costs
-- client CPU on a machine the server shares. Non-2xx answers are counted by wrk itself.

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6          -- summary.duration is in microseconds
  local rps = 0
  if seconds > 0 then rps = summary.requests / seconds end
  local function ms(p) return latency:percentile(p) / 1000 end  -- latency is in microseconds
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout

  io.write("------------------------------------------------------------\n")
  io.write(string.format("paths         %d distinct\n", #paths))
  io.write(string.format("requests      %d in %.2f s\n", summary.requests, seconds))
  io.write(string.format("requests/s    %.1f\n", rps))
  io.write(string.format("latency p50   %.3f ms\n", ms(50)))
  io.write(string.format("latency p95   %.3f ms\n", ms(95)))
  io.write(string.format("latency p99   %.3f ms\n", ms(99)))
  io.write(string.format("latency max   %.3f ms\n", latency.max / 1000))
  io.write(string.format("socket errors connect %d, read %d, write %d, timeout %d\n",
    e.connect, e.read, e.write, e.timeout))
  io.write(string.format("non-2xx/3xx   %d\n", e.status))
  io.write("------------------------------------------------------------\n")
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f socket_errors=%d non2xx=%d\n",
    summary.requests, seconds, rps, ms(50), ms(95), ms(99), latency.max / 1000, errors, e.status))
end
