-- wrk script for scripts/load-ecr-server: mixed ECR reads and writes (AWS JSON 1.1, unsigned: the
-- server runs with --no-auth, since wrk cannot sign each request). Every PutImage pushes a new
-- manifest with a unique tag that the manifest itself names; the tags of acknowledged writes go to
-- files, so the checker can tell afterwards that every one is there, intact, under the right tag.
local repos = tonumber(os.getenv("LOAD_REPOS") or "8")
local write_share = tonumber(os.getenv("LOAD_WRITE_SHARE") or "0.2")
local target = "AmazonEC2ContainerRegistry_V20150921."
local headers_for = {}
for _, op in ipairs({"PutImage", "ListImages", "DescribeImages", "BatchGetImage", "DescribeRepositories"}) do
  headers_for[op] = {["Content-Type"] = "application/x-amz-json-1.1", ["X-Amz-Target"] = target .. op}
end

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  n, puts, reads, failed = 0, 0, 0, 0
  math.randomseed(id * 7919)
  -- The tags of acknowledged writes, one file per thread, for the checker.
  acks = io.open(os.getenv("LOAD_ACK_DIR") .. "/thread-" .. id, "w")
end

local function post(op, body)
  return wrk.format("POST", "/", headers_for[op], body)
end

function request()
  n = n + 1
  local repo = "load/repo-" .. (n % repos)
  local r = math.random()
  if r < write_share then
    local tag = "t" .. id .. "-" .. n
    local manifest = string.format(
      '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","tag":"%s","layers":[{"size":%d}]}',
      tag, n)
    return post("PutImage", string.format('{"repositoryName":"%s","imageManifest":"%s","imageTag":"%s"}',
      repo, manifest:gsub('"', '\\"'), tag))
  elseif r < write_share + 0.3 then
    return post("ListImages", string.format('{"repositoryName":"%s","maxResults":50}', repo))
  elseif r < write_share + 0.5 then
    return post("DescribeImages", string.format('{"repositoryName":"%s","maxResults":20,"filter":{"tagStatus":"TAGGED"}}', repo))
  elseif r < write_share + 0.7 then
    return post("BatchGetImage", string.format('{"repositoryName":"%s","imageIds":[{"imageTag":"t%d-%d"}]}', repo, id, n - repos))
  else
    return post("DescribeRepositories", '{"maxResults":20}')
  end
end

function response(status, headers, body)
  if status == 200 then
    if string.sub(body, 1, 10) == '{"image":{' then
      puts = puts + 1
      acks:write(string.match(body, '"imageTag":"([^"]+)"'), "\n")
      acks:flush()
    else
      reads = reads + 1
    end
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local puts_all, reads_all, failed_all = 0, 0, 0
  for _, thread in ipairs(threads) do
    puts_all = puts_all + thread:get("puts")
    reads_all = reads_all + thread:get("reads")
    failed_all = failed_all + thread:get("failed")
  end
  local e = summary.errors
  io.write(string.format(
    'LOAD_RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"puts":%d,"reads":%d,"non_200":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    puts_all, reads_all, failed_all, e.connect, e.read, e.write, e.timeout))
end
