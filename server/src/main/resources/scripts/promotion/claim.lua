-- Claims one coupon of a campaign for a fan in one atomic step: the claim window, the per-person
-- limit and the stock are checked together, and an issued coupon is recorded twice before the
-- script returns: in the fans hash (what each fan holds, the reconciler's source of truth) and in
-- the campaign's stream (what the PostgreSQL writer consumes).
--
-- KEYS[1] promotion:{camp:<id>}:meta    hash  total, limit, startsAt, endsAt (epoch ms), type, value, issued
-- KEYS[2] promotion:{camp:<id>}:fans    hash  n:<userId> -> coupons held, c:<userId> -> "couponId/seq/fanSeq/claimedAt ..."
-- KEYS[3] promotion:{camp:<id>}:claims  stream of issued coupons: c, u, s, n, t
-- ARGV[1] userId, ARGV[2] new couponId, ARGV[3] now (epoch ms)
-- Returns {outcome} or {'issued', seq, fanSeq, type, value}
local meta = redis.call('HMGET', KEYS[1], 'total', 'limit', 'startsAt', 'endsAt', 'issued', 'type', 'value')
if not meta[1] then
  return {'unknown-campaign'}
end
local now = tonumber(ARGV[3])
if now < tonumber(meta[3]) or now >= tonumber(meta[4]) then
  return {'campaign-not-active'}
end
local held = tonumber(redis.call('HGET', KEYS[2], 'n:' .. ARGV[1]) or '0')
if held >= tonumber(meta[2]) then
  return {'already-claimed'}
end
if tonumber(meta[5] or '0') >= tonumber(meta[1]) then
  return {'sold-out'}
end
local seq = redis.call('HINCRBY', KEYS[1], 'issued', 1)
local fanSeq = redis.call('HINCRBY', KEYS[2], 'n:' .. ARGV[1], 1)
local entry = ARGV[2] .. '/' .. seq .. '/' .. fanSeq .. '/' .. ARGV[3]
local list = redis.call('HGET', KEYS[2], 'c:' .. ARGV[1])
redis.call('HSET', KEYS[2], 'c:' .. ARGV[1], list and (list .. ' ' .. entry) or entry)
redis.call('XADD', KEYS[3], '*', 'c', ARGV[2], 'u', ARGV[1], 's', seq, 'n', fanSeq, 't', ARGV[3])
return {'issued', tostring(seq), tostring(fanSeq), meta[6], meta[7]}
