-- Opens a campaign in Redis, or merges coupons PostgreSQL holds back into it after Redis lost data.
-- Idempotent: never lowers a counter, never adds a coupon twice. A lost campaign is restored fans
-- first and meta last, so no claim is answered until every stored coupon is known again; a campaign
-- that lost only its last writes has its counter raised first, so no number is issued twice.
--
-- KEYS[1] promotion:{camp:<id>}:meta, KEYS[2] promotion:{camp:<id>}:fans
-- ARGV[1..6] total, limit, startsAt, endsAt (epoch ms), type, value
-- ARGV[7] issued at least this many; ARGV[8] '1' to create the meta hash if it is missing
-- ARGV[9..] groups of five: couponId, userId, seq, fanSeq, claimedAt (epoch ms)
-- Returns the number of coupons that were missing and have been added.
local floor = tonumber(ARGV[7])
local added = 0
for i = 9, #ARGV, 5 do
  local couponId, userId, seq, fanSeq = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3])
  local list = redis.call('HGET', KEYS[2], 'c:' .. userId)
  if not list or not string.find(list, couponId, 1, true) then
    local entry = couponId .. '/' .. seq .. '/' .. fanSeq .. '/' .. ARGV[i + 4]
    redis.call('HSET', KEYS[2], 'c:' .. userId, list and (list .. ' ' .. entry) or entry)
    added = added + 1
  end
  if fanSeq > tonumber(redis.call('HGET', KEYS[2], 'n:' .. userId) or '0') then
    redis.call('HSET', KEYS[2], 'n:' .. userId, fanSeq)
  end
  if seq > floor then
    floor = seq
  end
end
local issued = redis.call('HGET', KEYS[1], 'issued')
if issued then
  if floor > tonumber(issued) then
    redis.call('HSET', KEYS[1], 'issued', floor)
  end
elseif ARGV[8] == '1' then
  redis.call('HSET', KEYS[1], 'total', ARGV[1], 'limit', ARGV[2], 'startsAt', ARGV[3], 'endsAt', ARGV[4],
    'type', ARGV[5], 'value', ARGV[6], 'issued', floor)
end
return added
