-- Takes over entries another consumer read but did not acknowledge for at least min-idle (its
-- instance died between reading and storing), with XAUTOCLAIM, and returns them flattened.
-- KEYS[1] promotion:{camp:<id>}:claims
-- ARGV[1] group, ARGV[2] consumer taking over, ARGV[3] min idle (ms), ARGV[4] max entries
-- Returns {id, couponId, userId, seq, fanSeq, claimedAt, id, ...}
local reply = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', ARGV[4])
local out = {}
for _, entry in ipairs(reply[2]) do
  local id, kv = entry[1], entry[2]
  if kv then
    local f = {}
    for i = 1, #kv, 2 do
      f[kv[i]] = kv[i + 1]
    end
    out[#out + 1] = id
    out[#out + 1] = f['c']
    out[#out + 1] = f['u']
    out[#out + 1] = f['s']
    out[#out + 1] = f['n']
    out[#out + 1] = f['t']
  else
    redis.call('XACK', KEYS[1], ARGV[1], id)
  end
end
return out
