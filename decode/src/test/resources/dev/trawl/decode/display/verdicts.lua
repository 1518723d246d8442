-- Gives tshark's verdict on many display filters in one pass over a capture: for each filter (one a line of
-- the file named by TRAWL_FILTERS), a line "N<TAB>ERR<TAB>message" when tshark refuses it, and a line
-- "N<TAB>FRAME" for each frame it matches, written to the file named by TRAWL_VERDICTS.
local filters = {}
for line in io.lines(os.getenv("TRAWL_FILTERS")) do
    filters[#filters + 1] = line
end
local out = assert(io.open(os.getenv("TRAWL_VERDICTS"), "w"))
for i, filter in ipairs(filters) do
    local ok, listener = pcall(Listener.new, nil, filter)
    if not ok then
        out:write(i, "\tERR\t", (tostring(listener):gsub("[\r\n]+", " ")), "\n")
    else
        local n = i
        listener.packet = function(pinfo)
            out:write(n, "\t", pinfo.number, "\n")
        end
    end
end
function shutdown()
    out:close()
end
