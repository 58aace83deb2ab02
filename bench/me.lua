-- wrk script for GET /api/v1/me (used by bench/me-throughput.sh).
--
-- The access token comes from the environment variable BENCH_TOKEN, so the token never
-- lands in a file or in the process list:
--   BENCH_TOKEN=eyJ... wrk -t2 -c32 -d30s --latency -s bench/me.lua http://127.0.0.1:18080/api/v1/me
--
-- done() prints one human-readable block and one machine-readable line starting with
-- "BENCH_RESULT" (key=value pairs, latencies in milliseconds) that the shell script parses.

local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  error("BENCH_TOKEN is not set: export the access token from POST /api/v1/auth/login")
end

wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"

-- No request()/response() functions on purpose: defining response() makes wrk parse
-- every body in Lua, which costs client CPU on a machine the server shares.

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6          -- summary.duration is in microseconds
  local rps = 0
  if seconds > 0 then rps = summary.requests / seconds end
  local function ms(p) return latency:percentile(p) / 1000 end  -- latency is in microseconds
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout

  io.write("------------------------------------------------------------\n")
  io.write(string.format("requests      %d in %.2f s\n", summary.requests, seconds))
  io.write(string.format("requests/s    %.1f\n", rps))
  io.write(string.format("latency p50   %.3f ms\n", ms(50)))
  io.write(string.format("latency p90   %.3f ms\n", ms(90)))
  io.write(string.format("latency p99   %.3f ms\n", ms(99)))
  io.write(string.format("latency p99.9 %.3f ms\n", ms(99.9)))
  io.write(string.format("latency max   %.3f ms\n", latency.max / 1000))
  io.write(string.format("socket errors connect %d, read %d, write %d, timeout %d\n",
    e.connect, e.read, e.write, e.timeout))
  io.write(string.format("non-2xx/3xx   %d\n", e.status))
  io.write("------------------------------------------------------------\n")
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f socket_errors=%d non2xx=%d\n",
    summary.requests, seconds, rps, ms(50), ms(90), ms(99), ms(99.9), latency.max / 1000, errors, e.status))
end
