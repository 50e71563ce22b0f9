// Shared helpers of `pnpm bench`: processes, ports, statistics, the table.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const serverDir = `${repoRoot}apps/server/`;

/** better-sqlite3 and hono live in apps/server's dependencies, not at the root. */
const serverRequire = createRequire(`${serverDir}package.json`);
export const requireFromServer = (id) => serverRequire(id);
/** An ES module of the built server (apps/server/dist), e.g. `results/ranking-input.js`. */
export const importServerDist = (path) => import(pathToFileURL(`${serverDir}dist/${path}`).href);
export const importRankingDist = () => import(pathToFileURL(`${repoRoot}packages/ranking/dist/index.js`).href);

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    srv.on('error', reject);
  });
}

/** Peak and current resident set of a process, in MiB, from /proc (Linux only). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { hwmMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
  } catch {
    return { hwmMiB: NaN, rssMiB: NaN };
  }
}

/**
 * Starts a node script as its own process (never through pnpm: a signal must reach it, STACK.md
 * trap 5), waits until `readyUrl` answers 200, and returns a handle that stops it.
 */
export async function startProcess({ args, env = {}, readyUrl, label, timeoutMs = 60_000 }) {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(readyUrl);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${label} did not answer within ${timeoutMs / 1000} s:\n${output}`);
    }
    await sleep(100);
  }
  return {
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await Promise.race([exited, sleep(2000)]);
      }
    },
  };
}

/** The built Palmares server on a free port of 127.0.0.1, with its own database file. */
export async function startPalmares({ dbPath, demo = true, env = {} }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = await startProcess({
    args: [`${serverDir}dist/index.js`, ...(demo ? ['--demo'] : [])],
    env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath, NODE_ENV: 'production', ...env },
    readyUrl: `${url}/api/health`,
    label: 'Palmares server',
  });
  return { ...proc, url };
}

/** Runs a node script to completion and parses the last line of its stdout as JSON. */
export function runJsonChild(args, { env = {}, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${args.join(' ')} failed (${code ?? signal}):\n${err}\n${out}`));
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${args.join(' ')} printed no JSON result:\n${out}\n${err}`));
      }
    });
  });
}

/** fetch with a JSON body; throws with the server's answer on a non-2xx status. */
export async function api(url, { method = 'GET', body, token, cookie, expect } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  if (cookie) headers.cookie = cookie;
  const res = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  if (!res.ok && !(expect && expect.includes(res.status))) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 500)}`);
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}

/**
 * Binds a tablet the way a juror does (docs/decisions/013-second-tablet-needs-the-pin.md): the
 * invitation link, then the PIN, chosen on the juror's first tablet or typed at the link on the
 * next (no juror route answers a tablet without one). Resolves to the bind answer.
 */
export async function bindWithPin(url, inviteToken, pin = '4821') {
  let bound = await api(`${url}/api/juror/bind`, { method: 'POST', body: { inviteToken }, expect: [401] });
  if (bound.status === 401) bound = await api(`${url}/api/juror/bind`, { method: 'POST', body: { inviteToken, pin } });
  if (!bound.json.pinSet) await api(`${url}/api/juror/pin`, { method: 'POST', body: { pin }, token: bound.json.deviceToken });
  return bound.json;
}

/** CPU milliseconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11], fields[12]: utime, stime in clock ticks (100 per second on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** The machine's load, to print beside figures taken on a shared machine. */
export function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [NaN, NaN, NaN];
  }
}

/** Runs `start()`; if it throws, removes the temporary folder `dir` before passing the error on. */
export async function orCleanUp(dir, start) {
  try {
    return await start();
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
