-- One benchmark scenario for wrk, chosen by environment variables:
--   SCENARIO  one of the names in bench/run.sh
--   TOKEN     the admin token;  DEVICES  how many devices the dataset has
--   FROM, TO  the dates of the last 30 / 7 days (YYYY-MM-DD)
-- done() prints one line that run.sh reads: RESULT requests seconds p50_ms p99_ms errors

local scenario = os.getenv("SCENARIO")
local token = os.getenv("TOKEN")
local devices = tonumber(os.getenv("DEVICES") or "2000")
local from30 = os.getenv("FROM30")
local from7 = os.getenv("FROM7")
local today = os.getenv("TODAY")
local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
local counter = 0

-- wrk runs LuaJIT (Lua 5.1): no bit operators, so bytes come from division
local function byte(n, k)
  return math.floor(n / 256 ^ k) % 256
end

local function device_mac(i)
  return string.format("02:00:00:%02X:%02X:%02X", byte(i, 2), byte(i, 1), byte(i, 0))
end

-- a fresh seed per wrk run, or every run would create the same "new" devices again
math.randomseed(os.time())

function setup(thread)
  thread:set("id", math.random(1, 1000000))
end

function init(args)
  math.randomseed(id)
end

request = function()
  counter = counter + 1
  local mac = device_mac(math.random(0, devices - 1))
  if scenario == "list-device" then
    return wrk.format("GET", "/sessions/list?mac=" .. mac, headers)
  elseif scenario == "list-device-30d" then
    return wrk.format("GET", "/sessions/list?mac=" .. mac .. "&start_date=" .. from30 .. "&end_date=" .. today, headers)
  elseif scenario == "device-7d" then
    return wrk.format("GET", "/sessions/" .. mac .. "?period=7%20days", headers)
  elseif scenario == "calendar-7d" then
    return wrk.format("GET", "/sessions/calendar?start=" .. from7 .. "&end=" .. today, headers)
  elseif scenario == "events-all-7d" then
    return wrk.format("GET", "/sessions/session-events?type=all&period=7%20days", headers)
  elseif scenario == "events-sessions-7d" then
    return wrk.format("GET", "/sessions/session-events?type=sessions&period=7%20days", headers)
  elseif scenario == "presence-30d" then
    return wrk.format("GET", "/sessions/" .. mac .. "/presence?period=30%20days", headers)
  elseif scenario == "occupancy-7d-1h" then
    return wrk.format("GET", "/sessions/occupancy?start=" .. from7 .. "&end=" .. today .. "&step=1%20hour", headers)
  elseif scenario == "events-all-7d-deep" then
    -- a page of 1,000 near the end of the week's ~38,000 events
    return wrk.format("GET", "/sessions/session-events?type=all&period=7%20days&offset=30000", headers)
  elseif scenario == "events-sessions-7d-deep" then
    -- a page of 1,000 near the end of the week's ~20,000 sessions
    return wrk.format("GET", "/sessions/session-events?type=sessions&period=7%20days&offset=15000", headers)
  elseif scenario == "events-all-7d-10k" then
    -- the issue's unit for rows per second: pages of 10,000
    return wrk.format("GET", "/sessions/session-events?type=all&period=7%20days&limit=10000", headers)
  elseif scenario == "events-sessions-7d-10k" then
    return wrk.format("GET", "/sessions/session-events?type=sessions&period=7%20days&limit=10000", headers)
  elseif scenario == "totals-7d" then
    return wrk.format("GET", "/sessions/totals?period=7%20days", headers)
  elseif scenario == "totals-year" then
    return wrk.format("GET", "/sessions/totals?period=1%20year", headers)
  elseif scenario == "create" then
    -- a new device for every request: 06:<thread id>:<counter>
    local new = string.format("06:%02X:%02X:%02X:%02X:%02X", byte(id, 0), byte(id, 1),
      byte(counter, 2), byte(counter, 1), byte(counter, 0))
    -- dated long ago, so that the created sessions stay out of the other scenarios' recent windows
    local body = '{"mac":"' .. new .. '","ip":"10.200.0.1","start_time":"2001-01-01T00:00:00","end_time":"2001-01-01T00:05:00"}'
    local h = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
    return wrk.format("POST", "/sessions/create", h, body)
  else -- floor: an authenticated request that finds nothing
    return wrk.format("GET", "/sessions/list?mac=0E:00:00:00:00:00", headers)
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %.3f %.3f %.3f %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
