import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  /** What the process has written to stdout and stderr so far. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, exactly like a crash of the process. */
  kill(): Promise<void>;
  /** SIGTERM, the graceful shutdown; SIGKILL if it has not exited 5 s later. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /**
   * `source` (the default): `node --import tsx apps/server/src/index.ts`, no build needed, the API
   * only. `built`: `node apps/server/dist/index.js` after `pnpm build`, serving the built web app,
   * as the browser journeys need it.
   */
  from?: 'source' | 'built';
  demo?: boolean;
  port?: number;
  /** More environment for the server (the organiser a fixture signs in as, say). */
  env?: Record<string, string>;
}

const ENTRIES = {
  source: { args: ['--conditions=@palmares/source', '--import', 'tsx', 'apps/server/src/index.ts'], env: { WEB_ROOT: '/nonexistent' } },
  built: { args: ['apps/server/dist/index.js'], env: {} },
};

/**
 * Starts the real server as its own process (node itself, not through pnpm, so a signal reaches
 * it) on 127.0.0.1 with the given database file, and waits until it answers /api/health. The one
 * way tests spawn the server: the reliability suites from source, the browser journeys built
 * (e2e/support/server.ts).
 */
export async function startServerProcess(dbPath: string, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const entry = ENTRIES[options.from ?? 'source'];
  const child = spawn(process.execPath, [...entry.args, ...(options.demo ? ['--demo'] : [])], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath, ...entry.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded 2-core machine a cold start from source has taken 10 s.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!running()) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    output: () => output,
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (running()) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}
