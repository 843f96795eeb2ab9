-- The fan's shopping is over (paid, or no hold left): the slot goes to the next fan in line.
-- KEYS: 1 session, 2 active
-- ARGV: 1 fan id
-- Returns 1 if a live admission ended.
local s = redis.call('HGET', KEYS[1], ARGV[1])
if not s then
  return 0
end
local state = string.sub(s, -1)
if state ~= 'A' and state ~= 'U' then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], string.sub(s, 1, -3) .. '|D')
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
