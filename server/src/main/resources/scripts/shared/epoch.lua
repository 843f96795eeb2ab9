-- An epoch marker (docs/redis-keys.md: promotion:epoch, queue:epoch): moved forward by every check and repair.
-- KEYS[1] the marker
-- ARGV[1] 'advance': if the marker holds ARGV[2], set it to ARGV[2] + 1 and return that; else return 0
-- ARGV[1] 'raise':   set the marker to ARGV[2] unless it is already higher; return the marker
local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
local wanted = tonumber(ARGV[2])
if ARGV[1] == 'advance' then
  if current ~= wanted then
    return 0
  end
  redis.call('SET', KEYS[1], wanted + 1)
  return wanted + 1
end
if current < wanted then
  redis.call('SET', KEYS[1], wanted)
  return wanted
end
return current
