-- Closes the pre-queue at the sale opening: fans who join from now on get line numbers after
-- the pre-queue's, which the opening draw fills with numbers 1..n. Safe to run again.
-- KEYS: 1 gate, 2 pre, 3 seq
-- Returns the number of fans in the pre-queue.
if redis.call('HGET', KEYS[1], 'opened') == '1' then
  return tonumber(redis.call('HGET', KEYS[1], 'drawSize') or '0')
end
if tonumber(redis.call('GET', KEYS[3]) or '0') ~= 0 then
  return redis.error_reply('the line already has numbered places')
end
local n = redis.call('HLEN', KEYS[2])
redis.call('SET', KEYS[3], n)
redis.call('HSET', KEYS[1], 'opened', '1', 'drawSize', n)
if n == 0 then
  redis.call('HSET', KEYS[1], 'drawn', '1')
end
return n
