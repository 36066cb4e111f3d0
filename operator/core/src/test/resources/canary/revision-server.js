// A small real HTTP process standing in for one revision of a generated API: it serves /api/items
// and exports the metrics the pack's API exports (prom-client text format), with the revision as a
// label. FAIL_RATE makes a share of requests answer 500; EXTRA_MS adds latency. No dependencies.
const http = require('http');
const port = Number(process.argv[2]);
const revision = process.env.REVISION;
const failRate = Number(process.env.FAIL_RATE || 0);
const extraMs = Number(process.env.EXTRA_MS || 0);
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const counts = new Map();
const hist = new Array(buckets.length).fill(0);
let histCount = 0, histSum = 0, seq = 0;
function observe(code, seconds) {
  const key = code;
  counts.set(key, (counts.get(key) || 0) + 1);
  buckets.forEach((b, i) => { if (seconds <= b) hist[i]++; });
  histCount++; histSum += seconds;
}
http.createServer((req, res) => {
  if (req.url === '/metrics') {
    const l = `revision="${revision}"`;
    let out = '# HELP http_requests_total Requests served\n# TYPE http_requests_total counter\n';
    for (const [code, n] of counts) out += `http_requests_total{route="/api/items",method="GET",code="${code}",${l}} ${n}\n`;
    out += '# HELP http_request_duration_seconds Request duration\n# TYPE http_request_duration_seconds histogram\n';
    buckets.forEach((b, i) => { out += `http_request_duration_seconds_bucket{route="/api/items",le="${b}",${l}} ${hist[i]}\n`; });
    out += `http_request_duration_seconds_bucket{route="/api/items",le="+Inf",${l}} ${histCount}\n`;
    out += `http_request_duration_seconds_sum{route="/api/items",${l}} ${histSum}\nhttp_request_duration_seconds_count{route="/api/items",${l}} ${histCount}\n`;
    res.writeHead(200, {'Content-Type': 'text/plain; version=0.0.4'});
    return res.end(out);
  }
  const start = process.hrtime.bigint();
  // deterministic failure share: every n-th request fails
  const fail = failRate > 0 && (seq++ % Math.round(1 / failRate)) === 0;
  setTimeout(() => {
    const code = fail ? 500 : 200;
    res.writeHead(code, {'Content-Type': 'application/json'});
    res.end(JSON.stringify({revision}));
    observe(String(code), Number(process.hrtime.bigint() - start) / 1e9);
  }, 2 + extraMs);
}).listen(port, '127.0.0.1', () => console.log('listening ' + port));
