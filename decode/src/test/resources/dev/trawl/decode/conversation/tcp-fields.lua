-- Prints, for every frame with TCP, the first occurrence of each field named (one a line) in the file given by
-- TRAWL_FIELDS, tab-separated after the frame number, to the file given by TRAWL_OUT: a value as tshark holds
-- it, "1" for a field with no value (FT_NONE) that is present, nothing for an absent field.
local names = {}
local fields = {}
for line in io.lines(os.getenv("TRAWL_FIELDS")) do
    names[#names + 1] = line
    fields[#fields + 1] = Field.new(line)
end
local out = assert(io.open(os.getenv("TRAWL_OUT"), "w"))
local tap = Listener.new(nil, "tcp")
function tap.packet(pinfo)
    local row = { tostring(pinfo.number) }
    for i, f in ipairs(fields) do
        local fi = f()
        if fi == nil then
            row[#row + 1] = ""
        elseif fi.value == nil then
            row[#row + 1] = "1"
        else
            row[#row + 1] = tostring(fi.value)
        end
    end
    out:write(table.concat(row, "\t"), "\n")
end
function shutdown()
    out:close()
end
