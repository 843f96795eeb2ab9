-- Reads the state of an event's line, and one fan's entry if a fan id is given, in one round trip.
-- KEYS: 1 gate, 2 pre, 3 ticket, 4 seq, 5 serving, 6 session, 7 active
-- ARGV: 1 fan id or ''
-- Returns name/value pairs: 'ticket', 'entry', 'session' ('' = none), 'serving', 'seq', 'active', 'preSize', then
-- every field of the gate hash as 'gate.<field>' (read by name in queue/persistence/Lines).
local ticket, entry, session = '', '', ''
if ARGV[1] ~= '' then
  ticket = redis.call('HGET', KEYS[3], ARGV[1]) or ''
  entry = redis.call('HGET', KEYS[2], ARGV[1]) or ''
  session = redis.call('HGET', KEYS[6], ARGV[1]) or ''
end
local result = {'ticket', ticket, 'entry', entry, 'session', session,
  'serving', redis.call('GET', KEYS[5]) or '0',
  'seq', redis.call('GET', KEYS[4]) or '0',
  'active', redis.call('ZCARD', KEYS[7]),
  'preSize', redis.call('HLEN', KEYS[2])}
local gate = redis.call('HGETALL', KEYS[1])
for i = 1, #gate, 2 do
  result[#result + 1] = 'gate.' .. gate[i]
  result[#result + 1] = gate[i + 1]
end
return result
