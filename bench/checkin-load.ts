// The load generator of `npm run bench:checkin`, run in a process of its own so that it does not
// share the server's event loop: `node --import tsx checkin-load.ts <base url> <scans.json> <connections> [rate]`.
//
// <connections> phones, each a keep-alive connection with one request in flight, take the scans of
// the file in order until every scan has been sent exactly once. Without a rate a phone sends its
// next scan as soon as the last is answered (closed loop); with one, scan k is due at k / rate
// seconds and its latency counts from then, so that a slow answer also delays the scans behind it
// (open loop, no coordinated omission). The requests are built before the
// clock starts and the answers are parsed no further than needed (status, length, firstTime), so
// the load generator takes as little as it can of the CPU it shares with the server.
//
// Prints one JSON object: throughput, latency percentiles, the status of every scan (0: no answer)
// and how many answers said firstTime: true.
import { readFileSync } from 'node:fs';
import net from 'node:net';

interface Scan {
  /** Activity token, sign-up code, the phone's address. */
  t: string;
  c: string;
  ip: string;
}

const [baseArg, scansFile, connectionsArg, rateArg] = process.argv.slice(2);
if (!baseArg || !scansFile) throw new Error('usage: checkin-load.ts <base url> <scans.json> [connections]');
const base = new URL(baseArg);
const port = Number(base.port);
const scans = JSON.parse(readFileSync(scansFile, 'utf8')) as Scan[];
const connections = Math.min(Number(connectionsArg ?? 500), scans.length);
const rate = rateArg ? Number(rateArg) : 0;

const requests = scans.map((s) => {
  const body = `{"code":"${s.c}"}`;
  return Buffer.from(
    `POST /api/public/activities/${s.t}/checkins HTTP/1.1\r\nHost: ${base.host}\r\nContent-Type: application/json\r\n` +
      `X-Forwarded-For: ${s.ip}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
});

const statuses = new Array<number>(scans.length).fill(0);
const latencies = new Float64Array(scans.length);
const HEADER_END = Buffer.from('\r\n\r\n');
const FIRST_TIME = Buffer.from('"firstTime":true');
let next = 0;
let answered = 0;
let errors = 0;
let firstTimes = 0;
let open = 0;
let lastAnswer = 0;
let done = false;
const sockets = new Set<net.Socket>();

const cpuBefore = process.cpuUsage();
const started = performance.now();

/** Parses what it can of one answer from `buf`: [status, bytes used, body start, body end], or null if incomplete. */
function parseAnswer(buf: Buffer): [number, number, number, number] | null {
  const headerEnd = buf.indexOf(HEADER_END);
  if (headerEnd < 0) return null;
  const head = buf.toString('latin1', 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (!m) throw new Error(`an answer without content-length:\n${head}`);
  const bodyStart = headerEnd + 4;
  const bodyEnd = bodyStart + Number(m[1]);
  if (buf.length < bodyEnd) return null;
  return [status, bodyEnd, bodyStart, bodyEnd];
}

function phone() {
  let current = -1;
  let sentAt = 0;
  let pending: Buffer | null = null;
  let failed = false;
  const socket = net.connect(port, base.hostname);
  socket.setNoDelay(true);
  sockets.add(socket);
  open++;

  const send = () => {
    if (next >= requests.length) {
      current = -1;
      socket.end();
      return;
    }
    current = next++;
    const request = requests[current]!;
    const now = performance.now();
    const due = rate > 0 ? started + (current * 1000) / rate : now;
    sentAt = due;
    if (due > now) setTimeout(() => socket.write(request), due - now);
    else socket.write(request);
  };

  socket.on('connect', send);
  socket.on('data', (chunk: Buffer) => {
    pending = pending ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      const answer = parseAnswer(pending);
      if (!answer) return;
      const [status, used, bodyStart, bodyEnd] = answer;
      const now = performance.now();
      statuses[current] = status;
      latencies[current] = now - sentAt;
      if (status === 200 && pending.subarray(bodyStart, bodyEnd).includes(FIRST_TIME)) firstTimes++;
      answered++;
      lastAnswer = now;
      pending = used < pending.length ? pending.subarray(used) : null;
      send();
      if (!pending) return;
    }
  });
  socket.on('error', () => {
    // The scan in flight has no answer: its status stays 0.
    if (current >= 0) errors++;
    current = -1;
    failed = true;
  });
  socket.on('close', () => {
    sockets.delete(socket);
    open--;
    // A phone whose connection broke dials again while there is work left.
    if (failed && !done && next < requests.length) phone();
    else if (open === 0) finish();
  });
}

// Should the server stop answering altogether, give up after a minute of silence with what there is.
let lastProgress = 0;
const watchdog = setInterval(() => {
  if (answered !== lastProgress) {
    lastProgress = answered;
    return;
  }
  done = true;
  for (const s of sockets) s.destroy();
}, 60_000);

function percentile(sorted: Float64Array, p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  done = true;
  clearInterval(watchdog);
  const cpu = process.cpuUsage(cpuBefore);
  const answeredLatencies = latencies.filter((_, i) => statuses[i] !== 0).sort();
  const round = (n: number) => Math.round(n * 10) / 10;
  process.stdout.write(
    JSON.stringify({
      sent: next,
      total: answered,
      ok: statuses.filter((s) => s === 200).length,
      non2xx: statuses.filter((s) => s !== 0 && (s < 200 || s >= 300)).length,
      errors,
      timeouts: 0,
      durationS: (lastAnswer - started) / 1000,
      p50: round(percentile(answeredLatencies, 50)),
      p99: round(percentile(answeredLatencies, 99)),
      max: round(percentile(answeredLatencies, 100)),
      firstTimes,
      cpuS: (cpu.user + cpu.system) / 1e6,
      statuses,
    }),
  );
}

for (let i = 0; i < connections; i++) phone();
