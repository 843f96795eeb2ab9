-- One gatekeeper step for one event, atomic, so any number of gatekeepers running at once can
-- neither exceed the cap on active shoppers nor the outflow rate (the token bucket runs on the
-- Redis clock).
--  1. admissions whose deadline passed end: never used -> X (no-show), used -> D (done)
--  2. the outflow bucket refills by elapsed time, up to one second of outflow
--  3. the next fans in line order are admitted while the bucket, the cap and the line allow
--  4. the measured admission rate (exponentially weighted) is updated for the ETA
-- KEYS: 1 gate, 2 line, 3 seq, 4 serving, 5 active, 6 session
-- ARGV: 1 now (ms, application clock), 2 admission deadline (ms), 3 outflow per second (event setting),
--       4 max active shoppers (event setting), 5 '1' if there is something to sell, 6 max admissions,
--       7 rate half-life (ms), 8 seats left
-- Returns name/value pairs: 'admitted', 'noShows', 'active', 'serving', then 'fan', id once per fan admitted.
local now = tonumber(ARGV[1])

local due = redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', '(' .. ARGV[1], 'LIMIT', 0, 2000)
local noShows = 0
for _, fan in ipairs(due) do
  local s = redis.call('HGET', KEYS[6], fan)
  if s then
    local state = string.sub(s, -1)
    local at = string.sub(s, 1, -3)
    if state == 'A' then
      redis.call('HSET', KEYS[6], fan, at .. '|X')
      noShows = noShows + 1
    elseif state == 'U' then
      redis.call('HSET', KEYS[6], fan, at .. '|D')
    end
  end
  redis.call('ZREM', KEYS[5], fan)
end

local clock = redis.call('TIME')
local ms = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local outflow = tonumber(redis.call('HGET', KEYS[1], 'outflow') or ARGV[3])
local maxActive = tonumber(redis.call('HGET', KEYS[1], 'maxActive') or ARGV[4])
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens') or '0')
local last = tonumber(redis.call('HGET', KEYS[1], 'tokensAt') or ms)
tokens = math.min(outflow, tokens + math.max(0, ms - last) * outflow / 1000)

local serving = tonumber(redis.call('GET', KEYS[4]) or '0')
local seq = tonumber(redis.call('GET', KEYS[3]) or '0')
local active = redis.call('ZCARD', KEYS[5])
local admitted = {}
local n = 0
if ARGV[5] == '1' and redis.call('HGET', KEYS[1], 'paused') ~= '1' and redis.call('HGET', KEYS[1], 'drawn') == '1' then
  n = math.min(math.floor(tokens), maxActive - active, seq - serving, tonumber(ARGV[6]))
  if n < 0 then n = 0 end
  for i = 1, n do
    local fan = redis.call('HGET', KEYS[2], tostring(serving + i))
    redis.call('ZADD', KEYS[5], ARGV[2], fan)
    redis.call('HSET', KEYS[6], fan, ARGV[1] .. '|A')
    admitted[i] = fan
  end
  if n > 0 then
    serving = serving + n
    redis.call('SET', KEYS[4], tostring(serving))
    redis.call('HINCRBY', KEYS[1], 'admitted', n)
  end
  tokens = tokens - n
end

local rate = tonumber(redis.call('HGET', KEYS[1], 'rate') or '0')
local rateAt = tonumber(redis.call('HGET', KEYS[1], 'rateAt') or ms)
local dt = math.max(0, ms - rateAt)
local halfLife = tonumber(ARGV[7])
if dt > 0 then
  local keep = math.pow(0.5, dt / halfLife)
  rate = rate * keep + (1 - keep) * (n * 1000 / dt)
else
  rate = rate + n * 1000 * math.log(2) / halfLife
end
if rate < 0.001 then rate = 0 end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'tokensAt', tostring(ms), 'rate', tostring(rate),
  'rateAt', tostring(ms), 'seatsLeft', ARGV[8])

local result = {'admitted', n, 'noShows', noShows, 'active', active + n, 'serving', serving}
for i = 1, n do
  result[#result + 1] = 'fan'
  result[#result + 1] = admitted[i]
end
return result
