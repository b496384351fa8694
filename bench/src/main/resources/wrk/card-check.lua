-- POST /api/v1/cards/verify with the JSON bodies of a file (one per line), in turn, with a token.
-- WRK_BODIES names the file, WRK_TOKEN the bearer token. Each wrk thread runs its own copy.
local bodies = {}
for line in io.lines(os.getenv("WRK_BODIES")) do
  bodies[#bodies + 1] = line
end
local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer " .. os.getenv("WRK_TOKEN"),
}
local i = 0

request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/v1/cards/verify", headers, bodies[i])
end
