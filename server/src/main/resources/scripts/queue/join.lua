-- Joins one fan to an event's line in O(1); a repeat keeps the first place. Answers with the
-- fan's view of the line, so a join is one round trip.
-- KEYS: 1 gate, 2 pre, 3 ticket, 4 line, 5 seq, 6 serving, 7 session, 8 active
-- ARGV: 1 fan id, 2 entry id to use if the fan enters the pre-queue now, 3 '1' if the sale is open by the
--       caller's clock: the pre-queue is then closed here (as scripts/queue/open.lua does) and the fan numbered
-- Returns name/value pairs: 'added' (1 if the fan was just added), then what scripts/queue/look.lua returns.
local fan = ARGV[1]

local function answer(added)
  local result = {'added', added,
    'ticket', redis.call('HGET', KEYS[3], fan) or '',
    'entry', redis.call('HGET', KEYS[2], fan) or '',
    'session', redis.call('HGET', KEYS[7], fan) or '',
    'serving', redis.call('GET', KEYS[6]) or '0',
    'seq', redis.call('GET', KEYS[5]) or '0',
    'active', redis.call('ZCARD', KEYS[8]),
    'preSize', redis.call('HLEN', KEYS[2])}
  local gate = redis.call('HGETALL', KEYS[1])
  for i = 1, #gate, 2 do
    result[#result + 1] = 'gate.' .. gate[i]
    result[#result + 1] = gate[i + 1]
  end
  return result
end
local ticket = redis.call('HGET', KEYS[3], fan)
if ticket then
  local serving = tonumber(redis.call('GET', KEYS[6]) or '0')
  if tonumber(ticket) > serving then
    return answer(0)
  end
  local session = redis.call('HGET', KEYS[7], fan)
  if session then
    local state = string.sub(session, -1)
    if state == 'A' or state == 'U' then
      return answer(0)
    end
  end
  -- the earlier admission is over (no-show or used): back of the line
  redis.call('HDEL', KEYS[7], fan)
else
  local entry = redis.call('HGET', KEYS[2], fan)
  if entry then
    return answer(0)
  end
  if redis.call('HGET', KEYS[1], 'opened') ~= '1' then
    if ARGV[3] ~= '1' then
      redis.call('HSET', KEYS[2], fan, ARGV[2])
      return answer(1)
    end
    local drawSize = redis.call('HLEN', KEYS[2])
    redis.call('SET', KEYS[5], drawSize)
    redis.call('HSET', KEYS[1], 'opened', '1', 'drawSize', drawSize)
    if drawSize == 0 then
      redis.call('HSET', KEYS[1], 'drawn', '1')
    end
  end
end
local n = redis.call('INCR', KEYS[5])
redis.call('HSET', KEYS[3], fan, n)
redis.call('HSET', KEYS[4], n, fan)
return answer(1)
