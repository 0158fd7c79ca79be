local ids = {}
for line in io.lines("/tmp/webperf/kv-ids.txt") do ids[#ids+1] = line end
math.randomseed(os.time())
request = function() return wrk.format("GET", "/People/" .. ids[math.random(1, #ids)]) end
-- done(): report.lua beside this script (wrk loads the script with its path as chunk name)
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "report.lua")
