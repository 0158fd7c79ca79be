math.randomseed(os.time())
request = function() return wrk.format("GET", "/people/" .. math.random(1, 100000)) end
-- done(): report.lua beside this script (wrk loads the script with its path as chunk name)
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "report.lua")
