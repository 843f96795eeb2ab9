-- A hold is being attempted with an admission: it must be the fan's current, live admission.
-- Near the end of the window the admission is kept a little longer, so the hold being placed
-- is not mistaken for a no-show.
-- KEYS: 1 session, 2 active
-- ARGV: 1 fan id, 2 admitted-at (ms) from the token, 3 now (ms), 4 keep-until (ms)
-- Returns 'ok', 'ended' (no longer admitted) or 'replaced' (a later admission exists).
local s = redis.call('HGET', KEYS[1], ARGV[1])
if not s then
  return 'ended'
end
if string.sub(s, 1, -3) ~= ARGV[2] then
  return 'replaced'
end
local state = string.sub(s, -1)
if state ~= 'A' and state ~= 'U' then
  return 'ended'
end
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) < tonumber(ARGV[3]) then
  return 'ended'
end
if tonumber(score) < tonumber(ARGV[4]) then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
end
return 'ok'
