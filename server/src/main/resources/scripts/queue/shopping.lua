-- The fan holds seats: the admission is used (no longer a no-show candidate) and stays active
-- until the holds end, at the latest until the admission token expires.
-- KEYS: 1 session, 2 active
-- ARGV: 1 fan id, 2 admission lifetime (ms) counted from admitted-at
-- Returns 1 if the admission was live.
local s = redis.call('HGET', KEYS[1], ARGV[1])
if not s then
  return 0
end
local state = string.sub(s, -1)
if state ~= 'A' and state ~= 'U' then
  return 0
end
local at = string.sub(s, 1, -3)
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], at .. '|U')
redis.call('ZADD', KEYS[2], tostring(tonumber(at) + tonumber(ARGV[2])), ARGV[1])
return 1
