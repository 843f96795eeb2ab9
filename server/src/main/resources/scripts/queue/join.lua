-- Joins one fan to an event's line in O(1); a repeat keeps the first place.
-- KEYS: 1 gate, 2 pre, 3 ticket, 4 line, 5 seq, 6 serving, 7 session
-- ARGV: 1 fan id, 2 entry id to use if the fan enters the pre-queue now, 3 '1' if the sale is open by the
--       caller's clock: the pre-queue is then closed here (as scripts/queue/open.lua does) and the fan numbered
-- Returns {kind, value, new}: kind PRE (value = entry id) or TICKET (value = line number); new = 1 if just added.
local fan = ARGV[1]
local ticket = redis.call('HGET', KEYS[3], fan)
if ticket then
  local serving = tonumber(redis.call('GET', KEYS[6]) or '0')
  if tonumber(ticket) > serving then
    return {'TICKET', ticket, 0}
  end
  local session = redis.call('HGET', KEYS[7], fan)
  if session then
    local state = string.sub(session, -1)
    if state == 'A' or state == 'U' then
      return {'TICKET', ticket, 0}
    end
  end
  -- the earlier admission is over (no-show or used): back of the line
  redis.call('HDEL', KEYS[7], fan)
else
  local entry = redis.call('HGET', KEYS[2], fan)
  if entry then
    return {'PRE', entry, 0}
  end
  if redis.call('HGET', KEYS[1], 'opened') ~= '1' then
    if ARGV[3] ~= '1' then
      redis.call('HSET', KEYS[2], fan, ARGV[2])
      return {'PRE', ARGV[2], 1}
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
return {'TICKET', tostring(n), 1}
