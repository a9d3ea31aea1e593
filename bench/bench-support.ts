/**
 * What the HTTP benchmarks (`npm run bench`, `npm run bench:quiz`) share: options, building the
 * app as `npm start` does, starting the real server and the echo bot as child processes, waiting
 * for `/readyz`, an autocannon run, the server's RSS, formatting.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export const ROOT = path.join(__dirname, '..');
export const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');
const START_TIMEOUT_MS = 120_000;

/** `--name value` from the command line, or `fallback`. */
export function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

/** A server did not build, start or answer as expected: the benchmark exits non-zero. */
export class StartError extends Error {}

export interface ChildServer {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Compiles the app as `npm start` does (tsc → dist/), so the real server runs as deployed. */
export function buildApp(): void {
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new StartError(`build failed:\n${result.stdout}${result.stderr}`);
  }
}

/** Starts `node <nodeArgs>` and keeps the tail of its output for error reports. */
export function spawnServer(
  name: string,
  nodeArgs: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): ChildServer {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, url: `http://127.0.0.1:${port}`, child, output };
}

/**
 * The echo bot (`bench/echo-bot.ts`), the baseline. It runs from source through tsx's CommonJS
 * hook: no per-request cost, and no loader thread (unlike `--import tsx`) to inflate its memory.
 * It gets the same Node.js flags as the real server (see {@link startNodeFlags}): same stack.
 */
export async function spawnEchoBot(logLevel: string): Promise<ChildServer> {
  const port = await freePort();
  return spawnServer(
    'echo bot',
    [
      ...startNodeFlags(),
      '--require',
      'tsx/cjs',
      'bench/echo-bot.ts',
      '--port',
      String(port),
      '--log-level',
      logLevel,
    ],
    process.env,
    port,
  );
}

/**
 * The Node.js flags `npm start` gives the server (`node <flags> dist/src/main.js` in
 * package.json), so that the benches run it exactly as deployed.
 */
export function startNodeFlags(): string[] {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    }
  ).scripts;
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/src\/main\.js/.exec(scripts?.start ?? '');
  if (!match) throw new StartError('package.json: the start script does not run dist/src/main.js');
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

/**
 * The real assistant, compiled (see {@link buildApp}), with `env` over the bench's defaults. With
 * `--cpu-prof DIR` on the bench's command line, the server writes a V8 CPU profile into DIR when
 * it stops (open it in Chrome DevTools).
 */
export async function spawnApp(name: string, env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const port = await freePort();
  const profileDir = option('cpu-prof', '');
  return spawnServer(
    name,
    [
      ...startNodeFlags(),
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : []),
      'dist/src/main.js',
    ],
    {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR,
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      ...env,
    },
    port,
  );
}

export async function waitReady(server: ChildServer): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < until) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new StartError(
        `${server.name} exited (${server.child.exitCode ?? server.child.signalCode}):\n  ${server.output.join('\n  ')}`,
      );
    }
    try {
      const res = await fetch(`${server.url}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new StartError(`${server.name} not ready after ${START_TIMEOUT_MS / 1000} s`);
}

/** POSTs to `/api/messages` with autocannon; `body` makes each request's JSON. */
export function loadMessages(
  url: string,
  options: {
    connections: number;
    seconds: number;
    body: () => string;
  },
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/api/messages`,
        connections: options.connections,
        duration: options.seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: options.body() }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** A process metric's value from the server's Prometheus `/metrics`, or NaN. */
async function processMetric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

/** The server's resident memory in MB, from its Prometheus `/metrics`. */
export async function rssMb(url: string): Promise<number> {
  return (await processMetric(url, 'process_resident_memory_bytes')) / 1024 / 1024;
}

/** CPU seconds (user + system) the server process has used so far. */
export function cpuSeconds(url: string): Promise<number> {
  return processMetric(url, 'process_cpu_seconds_total');
}

export function stop(server: ChildServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const force = setTimeout(() => server.child.kill('SIGKILL'), 5000);
    server.child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.child.kill('SIGTERM');
  });
}

export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits }) : 'n/a';
export const mark = (ok: boolean): string => (ok ? '✓' : '✗ (below target)');

/** `1.23 1.45 1.67` (1, 5, 15 min), for the shared, often loaded, bench machine. */
export const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** One server's figures over a comparison's measured rounds (see {@link interleavedLoad}). */
export interface LoadRow {
  name: string;
  /** Requests completed over all rounds. */
  requests: number;
  /** Requests per second over all rounds (total requests / total measured seconds). */
  reqPerSec: number;
  /** The median of the rounds' median latencies, ms. */
  p50: number;
  /** The worst of the rounds' 99th percentiles, ms (conservative: a percentile does not sum). */
  p99: number;
  non2xx: number;
  errors: number;
  /** Server CPU ms per request over all rounds. */
  cpuMsPerRequest: number;
  /** Resident memory after the last round, MB. */
  rss: number;
}

/** A server to load in a comparison, with the request bodies it gets. */
export interface LoadTarget {
  name: string;
  url: string;
  body: () => string;
}

/**
 * Loads the servers in turn, `rounds` times, `seconds / rounds` each per round (after a warm-up of
 * `warmupSeconds` each), the order reversed every other round. On this shared, noisy machine one
 * long run per server can land in a quiet spell for one and a busy one for the other; interleaved
 * rounds expose both to the same spells, so their ratio is the steadier figure.
 */
export async function interleavedLoad(
  targets: readonly LoadTarget[],
  options: { connections: number; seconds: number; rounds: number; warmupSeconds: number },
): Promise<LoadRow[]> {
  const rounds = Math.max(1, Math.trunc(options.rounds));
  const each = Math.max(1, options.seconds / rounds);
  for (const t of targets) {
    await loadMessages(t.url, {
      connections: options.connections,
      seconds: options.warmupSeconds,
      body: t.body,
    });
  }
  const runs = targets.map(() => [] as { result: autocannon.Result; cpuMs: number }[]);
  for (let r = 0; r < rounds; r++) {
    const order = targets.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const t = targets[i]!;
      const before = await cpuSeconds(t.url);
      const result = await loadMessages(t.url, {
        connections: options.connections,
        seconds: each,
        body: t.body,
      });
      runs[i]!.push({ result, cpuMs: ((await cpuSeconds(t.url)) - before) * 1000 });
    }
  }
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  return Promise.all(
    targets.map(async (t, i) => {
      const own = runs[i]!;
      const requests = own.reduce((n, x) => n + x.result.requests.total, 0);
      const seconds = own.reduce((n, x) => n + x.result.duration, 0);
      return {
        name: t.name,
        requests,
        reqPerSec: requests / Math.max(1e-9, seconds),
        p50: median(own.map((x) => x.result.latency.p50)),
        p99: Math.max(...own.map((x) => x.result.latency.p99)),
        non2xx: own.reduce((n, x) => n + x.result.non2xx, 0),
        errors: own.reduce((n, x) => n + x.result.errors, 0),
        cpuMsPerRequest: own.reduce((n, x) => n + x.cpuMs, 0) / Math.max(1, requests),
        rss: await rssMb(t.url),
      };
    }),
  );
}

/** The results table of an echo-vs-bot comparison. */
export function printLoadTable(rows: readonly LoadRow[]): void {
  console.log(
    `${'server'.padEnd(10)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ` +
      `${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)} ` +
      `${'RSS MB'.padStart(7)} ${'CPU ms/req'.padStart(11)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(10)} ${fmt(row.reqPerSec).padStart(8)} ` +
        `${fmt(row.p50, 1).padStart(8)} ${fmt(row.p99, 1).padStart(8)} ` +
        `${fmt(row.non2xx).padStart(8)} ${fmt(row.errors).padStart(7)} ` +
        `${fmt(row.rss).padStart(7)} ${fmt(row.cpuMsPerRequest, 2).padStart(11)}`,
    );
  }
}

/** Unit codes of the results benches' 3-level tree: a root, 25 departments, the rest below them. */
export function benchUnitCodes(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    i === 0 ? 'ROOT' : i <= 25 ? `D${i}` : `D${(i % 25) + 1}-U${i}`,
  );
}
