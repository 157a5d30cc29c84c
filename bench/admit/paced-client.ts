/**
 * An open-loop load generator for the "p99 at 1,000 requests/s" target, in its own process.
 *
 * autocannon's `overallRate` releases each second's quota as a burst, so its latencies measure
 * queueing inside the burst, not the server at a steady 1,000/s. Here request i is due at
 * start + i/rate and its latency is counted from that due time (not from when it was sent), so
 * a stalled server or client is charged for every request it delayed (no coordinated omission).
 *
 * argv: port rate durationSeconds connections caFile body-file. Sends one JSON result over IPC.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';

const [portArg, rateArg, durationArg, connectionsArg, caFile, bodyFile] = process.argv.slice(2) as [string, string, string, string, string, string];
const port = Number(portArg);
const rate = Number(rateArg);
const total = Math.round(rate * Number(durationArg));
const agent = new Agent({ keepAlive: true, maxSockets: Number(connectionsArg), ca: readFileSync(caFile, 'utf8'), servername: 'localhost' });
const body = readFileSync(bodyFile);

let latenciesMs = new Float64Array(total);
let done = 0;
let errors = 0;
let non2xx = 0;

function send(i: number, dueNs: bigint, finish: () => void): void {
  const req = request(
    { host: '127.0.0.1', port, path: '/validate?timeout=3s', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } },
    (res) => {
      if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx++;
      res.resume();
      res.on('end', () => {
        latenciesMs[i] = Number(process.hrtime.bigint() - dueNs) / 1e6;
        finish();
      });
    },
  );
  // Headers and body go out as two TLS records: without this, Nagle holds the second until the
  // server's delayed ACK (~40 ms), which is the client's delay, not the server's.
  req.on('socket', (socket) => socket.setNoDelay(true));
  req.on('error', () => {
    errors++;
    latenciesMs[i] = Number(process.hrtime.bigint() - dueNs) / 1e6;
    finish();
  });
  req.end(body);
}

/** Sends `count` requests paced at `rate`; resolves with the elapsed seconds. */
async function pacedRun(count: number): Promise<number> {
  const intervalNs = BigInt(Math.round(1e9 / rate));
  const start = process.hrtime.bigint();
  let next = 0;
  await new Promise<void>((allDone) => {
    const finish = (): void => {
      if (++done === count) allDone();
    };
    const tick = (): void => {
      const now = process.hrtime.bigint();
      while (next < count && start + BigInt(next) * intervalNs <= now) {
        send(next, start + BigInt(next) * intervalNs, finish);
        next++;
      }
      // Timers fire at 1 ms granularity, so a request may leave up to 1 ms late, and that counts
      // against the server (conservative). Polling with setImmediate instead would take a whole
      // core from the server's GC threads on a 2-core machine and make the server look worse.
      if (next < count) setTimeout(tick, 0);
    };
    tick();
  });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function run(): Promise<void> {
  // Warm-up, not measured: this process's JIT and the TLS handshakes of its keep-alive sockets
  // (the first ~70 requests otherwise wait 10-60 ms on handshakes, a client start-up cost).
  const warmup = Math.min(total, rate);
  await pacedRun(warmup);
  latenciesMs = new Float64Array(total);
  done = 0;
  errors = 0;
  non2xx = 0;
  const elapsedS = await pacedRun(total);
  const sorted = Array.from(latenciesMs).sort((a, b) => a - b);
  const pct = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  agent.destroy();
  process.send!({ requests: total, rps: Math.round(total / elapsedS), p50Ms: pct(50), p99Ms: pct(99), maxMs: sorted[sorted.length - 1] ?? NaN, errors, non2xx });
}

await run();
