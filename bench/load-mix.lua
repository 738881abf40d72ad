-- wrk script for bench/load-two-workers: cycles through the paths given after "--", turning
-- "RANDOM" into a fresh word (so some requests miss the page cache), and counts responses by status
-- class across all threads; "TRACE /path" sends that method.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = args
  statuses = {}
  n = 0
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  path = path:gsub("RANDOM", tostring(math.random(1, 1000000000)))
  local method, target = path:match("^(%u+) (.+)$")
  if method then
    return wrk.format(method, target)
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  local class = tostring(math.floor(status / 100)) .. "xx"
  statuses[class] = (statuses[class] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for class, count in pairs(thread:get("statuses")) do
      totals[class] = (totals[class] or 0) + count
    end
  end
  for _, class in ipairs({"2xx", "3xx", "4xx", "5xx"}) do
    io.write(string.format("status %s %d\n", class, totals[class] or 0))
  end
  io.write(string.format("socket errors %d\n", summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
end
