-- wrk script of the mixed load run (tests/load/run.sh, docs/performance.md "Load").
--
-- Cycles through the paths of the file named by the environment variable LOAD_URLS (one path a line, such as
-- /resolutions/A/RES/76/159), each thread starting at another offset, and counts the responses per status class.
-- done() prints one machine-readable line the runner reads:
--   STATUS 2xx=N 3xx=N 4xx=N 5xx=N 429=N
-- (wrk gives response() no way to tell which request it answers, so the paths of failures are read from the site's
-- request log instead.)
--
-- Every request sends the headers a browser sends for a page (Accept, Accept-Language and
-- Accept-Encoding: gzip, deflate, br, zstd), so compression is in play as it is for real readers.

local paths = {}
local threads = {}
local counter = 1

local function load_paths()
  local file = assert(io.open(os.getenv("LOAD_URLS") or "urls.txt", "r"), "LOAD_URLS: file not found")
  for line in file:lines() do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  file:close()
  assert(#paths > 0, "LOAD_URLS: no paths")
end

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  threads[#threads + 1] = thread
end

function init(args)
  load_paths()
  -- Each thread starts elsewhere in the list, so the threads do not fetch the same path at the same moment.
  index = ((id - 1) * math.floor(#paths / 2)) % #paths
  c2, c3, c4, c5, c429 = 0, 0, 0, 0, 0
  wrk.headers["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
  wrk.headers["Accept-Language"] = "zh-CN,zh;q=0.9,en;q=0.8"
  wrk.headers["Accept-Encoding"] = "gzip, deflate, br, zstd"
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  if status >= 500 then
    c5 = c5 + 1
  elseif status == 429 then
    c429 = c429 + 1
    c4 = c4 + 1
  elseif status >= 400 then
    c4 = c4 + 1
  elseif status >= 300 then
    c3 = c3 + 1
  else
    c2 = c2 + 1
  end
end

function done(summary, latency, requests)
  local t2, t3, t4, t5, t429 = 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    t2 = t2 + thread:get("c2")
    t3 = t3 + thread:get("c3")
    t4 = t4 + thread:get("c4")
    t5 = t5 + thread:get("c5")
    t429 = t429 + thread:get("c429")
  end
  io.write(string.format("STATUS 2xx=%d 3xx=%d 4xx=%d 5xx=%d 429=%d\n", t2, t3, t4, t5, t429))
  io.write(string.format("LATENCY p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
