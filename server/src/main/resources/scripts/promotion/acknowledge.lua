-- Acknowledges stream entries the writer has stored in PostgreSQL and deletes them, in one step,
-- so the stream holds exactly the claims not yet stored (its length is the writer's backlog).
-- KEYS[1] promotion:{camp:<id>}:claims; ARGV[1] consumer group; ARGV[2..] entry ids
local ids = {}
for i = 2, #ARGV do
  ids[#ids + 1] = ARGV[i]
end
if #ids == 0 then
  return 0
end
local acked = redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
redis.call('XDEL', KEYS[1], unpack(ids))
return acked
