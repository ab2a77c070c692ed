// The load generator of the benches, in a process of its own so that it does not share the server's
// event loop: `node --import tsx load.ts <base url> <requests.json> <connections> [rate] [capture]`.
//
// <connections> phones, each a keep-alive connection with one request in flight, take the requests of the
// file in order until each has been sent once: closed loop without a rate (or 0); with one, request k is
// due at k / rate seconds and its latency counts from then (open loop, no coordinated omission). The
// phones connect first and the clock starts when all have: a resident scanning at an activity has had
// the page open, so the 500 connections' set-up (the server accepting them all in one burst) is not
// counted as the first scans' latency — it was most of the top 1 % of a run's latencies. Requests
// are built before the clock starts; answers are parsed no further than the status and, if asked, one
// pattern in the body, so the generator takes as little as it can of the CPU it shares with the server.
//
// Prints one JSON object: duration, latency percentiles, and per request its status (0: no answer) and
// what the capture pattern found in its 200 answer ('' when nothing).
import { readFileSync } from 'node:fs';
import net from 'node:net';

interface Req {
  /** Path, JSON body, the phone's address, an Idempotency-Key or ''. */
  p: string;
  b: string;
  ip: string;
  k: string;
}

const [baseArg, file, connectionsArg, rateArg, captureArg] = process.argv.slice(2);
if (!baseArg || !file) throw new Error('usage: load.ts <base url> <requests.json> [connections] [rate] [capture]');
/** What to keep of each 200 answer's body: the first group of this pattern (a booking's code, say). */
const capture = captureArg ? new RegExp(captureArg) : null;
const base = new URL(baseArg);
const reqs = JSON.parse(readFileSync(file, 'utf8')) as Req[];
const connections = Math.min(Number(connectionsArg ?? 500), reqs.length);
const rate = rateArg ? Number(rateArg) : 0;

const wire = reqs.map((r) =>
  Buffer.from(
    `POST ${r.p} HTTP/1.1\r\nHost: ${base.host}\r\nContent-Type: application/json\r\nX-Forwarded-For: ${r.ip}\r\n` +
      (r.k ? `Idempotency-Key: ${r.k}\r\n` : '') +
      `Content-Length: ${Buffer.byteLength(r.b)}\r\n\r\n${r.b}`,
  ),
);
const statuses = new Array<number>(reqs.length).fill(0);
const captured = new Array<string>(reqs.length).fill('');
const latencies = new Float64Array(reqs.length);
const HEADER_END = Buffer.from('\r\n\r\n');
let next = 0;
let answered = 0;
let errors = 0;
let open = 0;
let lastAnswer = 0;
let done = false;
const sockets = new Set<net.Socket>();
const cpuBefore = process.cpuUsage();
/** When the last phone had connected and the first requests went out. */
let started = 0;
let connected = 0;
const waiting: (() => void)[] = [];

function phone() {
  let current = -1;
  let sentAt = 0;
  let pending: Buffer | null = null;
  let failed = false;
  const socket = net.connect(Number(base.port), base.hostname);
  socket.setNoDelay(true);
  sockets.add(socket);
  open++;
  const send = () => {
    if (next >= wire.length) {
      current = -1;
      socket.end();
      return;
    }
    current = next++;
    const now = performance.now();
    const due = rate > 0 ? started + (current * 1000) / rate : now;
    sentAt = due;
    const request = wire[current]!;
    if (due > now) setTimeout(() => socket.write(request), due - now);
    else socket.write(request);
  };
  socket.on('connect', () => {
    if (started > 0) return send(); // a phone that reconnected after an error
    waiting.push(send);
    if (++connected < connections) return;
    started = performance.now();
    for (const go of waiting.splice(0)) go();
  });
  socket.on('data', (chunk: Buffer) => {
    pending = pending ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      const headerEnd: number = pending.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const head = pending.toString('latin1', 0, headerEnd);
      const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!m) throw new Error(`an answer without content-length:\n${head}`);
      const bodyEnd: number = headerEnd + 4 + Number(m[1]);
      if (pending.length < bodyEnd) return;
      const now = performance.now();
      const status = Number(head.slice(9, 12));
      statuses[current] = status;
      latencies[current] = now - sentAt;
      if (status === 200 && capture) captured[current] = capture.exec(pending.toString('utf8', headerEnd + 4, bodyEnd))?.[1] ?? '';
      answered++;
      lastAnswer = now;
      pending = bodyEnd < pending.length ? pending.subarray(bodyEnd) : null;
      send();
      if (!pending) return;
    }
  });
  socket.on('error', () => {
    if (current >= 0) errors++;
    current = -1;
    failed = true;
  });
  socket.on('close', () => {
    sockets.delete(socket);
    open--;
    if (failed && !done && next < wire.length) phone();
    else if (open === 0) finish();
  });
}

let lastProgress = 0;
const watchdog = setInterval(() => {
  if (answered !== lastProgress) {
    lastProgress = answered;
    return;
  }
  done = true;
  for (const s of sockets) s.destroy();
}, 60_000);

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  done = true;
  clearInterval(watchdog);
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = latencies.filter((_, i) => statuses[i] !== 0).sort();
  const round = (n: number) => Math.round(n * 10) / 10;
  process.stdout.write(
    JSON.stringify({
      total: answered,
      errors,
      durationS: (lastAnswer - started) / 1000,
      p50: round(percentile(sorted, 50)),
      p99: round(percentile(sorted, 99)),
      max: round(percentile(sorted, 100)),
      cpuS: (cpu.user + cpu.system) / 1e6,
      statuses,
      captured,
    }),
  );
}

for (let i = 0; i < connections; i++) phone();
