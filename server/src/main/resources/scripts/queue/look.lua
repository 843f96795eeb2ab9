-- Reads the state of an event's line, and one fan's entry if a fan id is given, in one round trip.
-- KEYS: 1 gate, 2 pre, 3 ticket, 4 seq, 5 serving, 6 session, 7 active
-- ARGV: 1 fan id or ''
-- Returns {ticket, entry, session, serving, seq, active, preSize, gate field, gate value, ...}; '' = none.
local ticket, entry, session = '', '', ''
if ARGV[1] ~= '' then
  ticket = redis.call('HGET', KEYS[3], ARGV[1]) or ''
  entry = redis.call('HGET', KEYS[2], ARGV[1]) or ''
  session = redis.call('HGET', KEYS[6], ARGV[1]) or ''
end
local result = {ticket, entry, session,
  redis.call('GET', KEYS[5]) or '0',
  redis.call('GET', KEYS[4]) or '0',
  tostring(redis.call('ZCARD', KEYS[7])),
  tostring(redis.call('HLEN', KEYS[2]))}
local gate = redis.call('HGETALL', KEYS[1])
for i = 1, #gate do
  result[#result + 1] = gate[i]
end
return result
