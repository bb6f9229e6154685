-- wrk script: cycle through the URLs in bench/urls.txt (one path per line), count
-- non-2xx/3xx answers, and print p50/p95/p99 as one JSON line at the end.
local paths = {}
for line in io.lines(os.getenv("URLS_FILE") or "bench/urls.txt") do
  if #line > 0 then paths[#paths + 1] = line end
end
local counter = 0
local failures = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

response = function(status, headers, body)
  if status >= 400 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.1f, "rps": %.1f, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, "max_ms": %.1f, "socket_errors": %d, "http_errors": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
