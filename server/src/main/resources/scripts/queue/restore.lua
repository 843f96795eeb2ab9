-- After Redis lost the line (or came back from an older copy): fans who hold seats in PostgreSQL are
-- active shoppers again, so they keep their admission and count against the cap on active shoppers.
-- A fan whose admission is still live here keeps it, marked in use and lasting at least as long as the hold.
-- A restored fan without a place already served gets place 0 (ahead of everyone, never in the line hash),
-- so the fan's status reads ADMITTED and joining again keeps the admission.
-- KEYS: 1 session, 2 active, 3 ticket, 4 serving
-- ARGV: groups of three: fan id, admitted-at (ms; the earliest live hold's creation), active until (ms)
-- Returns how many admissions were restored.
local restored = 0
local serving = tonumber(redis.call('GET', KEYS[4]) or '0')
for i = 1, #ARGV, 3 do
  local fan = ARGV[i]
  local ticket = redis.call('HGET', KEYS[3], fan)
  if not ticket or tonumber(ticket) > serving then
    redis.call('HSET', KEYS[3], fan, 0)
  end
  local s = redis.call('HGET', KEYS[1], fan)
  local state = s and string.sub(s, -1)
  local live = (state == 'A' or state == 'U') and redis.call('ZSCORE', KEYS[2], fan)
  if not live then
    redis.call('HSET', KEYS[1], fan, ARGV[i + 1] .. '|U')
    redis.call('ZADD', KEYS[2], ARGV[i + 2], fan)
    restored = restored + 1
  else
    if state == 'A' then
      redis.call('HSET', KEYS[1], fan, string.sub(s, 1, -3) .. '|U')
    end
    if tonumber(live) < tonumber(ARGV[i + 2]) then
      redis.call('ZADD', KEYS[2], ARGV[i + 2], fan)
    end
  end
end
return restored
