-- wrk script for scripts/bench-wrk: the same mix of ECR requests (AWS JSON 1.1) against ecr-server and
-- moto_server. Unsigned for ecr-server (--no-auth, wrk cannot sign each request); the fixed
-- Authorization header, never verified by either, is what moto_server reads to route the request to
-- its ECR backend (its credential scope names the service).
local repos = tonumber(os.getenv("WRK_REPOS") or "4")
local seeded = tonumber(os.getenv("WRK_SEEDED") or "20")
local write_share = tonumber(os.getenv("WRK_WRITE_SHARE") or "0")
local target = "AmazonEC2ContainerRegistry_V20150921."
local authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/ecr/aws4_request, "
  .. "SignedHeaders=content-type;host;x-amz-target, Signature=0"
local headers_for = {}
for _, op in ipairs({"PutImage", "ListImages", "DescribeImages", "BatchGetImage", "DescribeRepositories"}) do
  headers_for[op] = {
    ["Content-Type"] = "application/x-amz-json-1.1",
    ["X-Amz-Target"] = target .. op,
    ["Authorization"] = authorization,
  }
end

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  n, ok, failed = 0, 0, 0
  math.randomseed(id * 7919)
end

local function post(op, body)
  return wrk.format("POST", "/", headers_for[op], body)
end

function request()
  n = n + 1
  local repo = "bench/repo-" .. (n % repos)
  local r = math.random()
  if r < write_share then
    local tag = "w" .. id .. "-" .. n
    -- Config and layer digests included (moto reads them); unique per request.
    local digest = "sha256:" .. string.rep("0", 48) .. string.format("%08x%08x", id, n)
    local manifest = string.format(
      '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",' ..
      '"config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":1000,"digest":"%s"},' ..
      '"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":%d,"digest":"%s"}]}',
      digest, n, digest)
    return post("PutImage", string.format('{"repositoryName":"%s","imageManifest":"%s","imageTag":"%s"}',
      repo, manifest:gsub('"', '\\"'), tag))
  end
  -- Reads, split as in Examples/ECRSamples/scripts/load-ecr-server.lua.
  r = (r - write_share) / (1 - write_share)
  if r < 0.375 then
    return post("ListImages", string.format('{"repositoryName":"%s","maxResults":50}', repo))
  elseif r < 0.625 then
    return post("DescribeImages", string.format('{"repositoryName":"%s","maxResults":20}', repo))
  elseif r < 0.875 then
    return post("BatchGetImage", string.format('{"repositoryName":"%s","imageIds":[{"imageTag":"s%d"}]}',
      repo, n % seeded))
  else
    return post("DescribeRepositories", '{"maxResults":20}')
  end
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local ok_all, failed_all = 0, 0
  for _, thread in ipairs(threads) do
    ok_all = ok_all + thread:get("ok")
    failed_all = failed_all + thread:get("failed")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"ok":%d,"non_200":%d,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    ok_all, failed_all, e.connect, e.read, e.write, e.timeout))
end
