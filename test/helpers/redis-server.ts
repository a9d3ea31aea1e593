import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const running = new Set<ChildProcess>();
// A failed test must not leave redis-server processes behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A free TCP port on loopback (released before returning: bind it soon). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Sends one inline command and resolves with the first reply line (e.g. `+PONG`). */
export function redisCommand(port: number, command: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no reply to ${command} within ${timeoutMs} ms`));
    }, timeoutMs);
    let data = '';
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      data += chunk.toString('utf8');
      const end = data.indexOf('\r\n');
      if (end >= 0) {
        clearTimeout(timer);
        socket.end();
        resolve(data.slice(0, end));
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * A private `redis-server` on a free loopback port, with AOF persistence in its own temporary
 * directory, so a test can stop and restart it without touching the machine's shared Redis. With
 * `fsync: 'always'` even a SIGKILL loses nothing Redis acknowledged (slower); the default
 * `everysec` is what production runs.
 */
export class RedisServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly fsync: 'always' | 'everysec',
  ) {}

  static async start(options: { fsync?: 'always' | 'everysec' } = {}): Promise<RedisServer> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tro-ly-cds-redis-'));
    const server = new RedisServer(await freePort(), dir, options.fsync ?? 'everysec');
    await server.startProcess();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get isRunning(): boolean {
    return this.child !== undefined;
  }

  /** Starts it again on the same port and directory (the AOF brings the data back). */
  async restart(): Promise<void> {
    if (this.child) throw new Error('redis-server is already running');
    await this.startProcess();
  }

  /** Stops it: SIGTERM (saves and exits) or SIGKILL (a crash). Resolves once it has exited. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
    running.delete(child);
  }

  /** Stops it and deletes its directory. */
  async remove(): Promise<void> {
    await this.stop('SIGKILL');
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async startProcess(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        this.fsync,
        '--daemonize',
        'no',
      ],
      { stdio: 'ignore' },
    );
    running.add(child);
    this.child = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`))),
    );
    exited.catch(() => undefined);
    const until = Date.now() + 10_000;
    for (;;) {
      const pong = await Promise.race([
        redisCommand(this.port, 'PING', 200).catch(() => ''),
        exited,
      ]);
      if (pong === '+PONG') return;
      if (Date.now() > until) throw new Error('redis-server did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
