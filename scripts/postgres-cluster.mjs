#!/usr/bin/env node
// A throwaway PostgreSQL cluster for the hosted mode's tests, benchmark and demo (issue 19,
// decision 023): Debian's PostgreSQL (installed when missing and allowed: root), a data folder in a
// temporary directory, a free port on 127.0.0.1 and a socket in the same folder (never the system's
// 5432 cluster), started as a non-root user (initdb refuses root: as root, the `postgres` user the
// package creates runs it), and removed when stopped.
//
//   import { startCluster } from './scripts/postgres-cluster.mjs';
//   const pg = await startCluster();   // pg.url: postgres://palmares@127.0.0.1:PORT/palmares
//   await pg.stop();
//
// As a command, it starts a cluster, prints its URL and stops it on Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PG_ROOT = '/usr/lib/postgresql';
const isRoot = process.getuid?.() === 0;

/** The newest installed server's programs, installing Debian's package first when allowed. */
export function postgresBin() {
  const find = () =>
    existsSync(PG_ROOT)
      ? readdirSync(PG_ROOT)
          .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => join(PG_ROOT, v, 'bin'))[0]
      : undefined;
  let bin = find();
  if (!bin && isRoot) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
    bin = find();
  }
  if (!bin) throw new Error(`PostgreSQL is not installed (no ${PG_ROOT}/*/bin/initdb): install Debian's "postgresql" package.`);
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster and returns its URL and a `stop()`. `settings` are extra server settings
 * (`-c name=value`); tests pass `{ fsync: 'off' }` (the database process is never the one killed),
 * the benchmark keeps the defaults.
 */
export async function startCluster({ settings = {}, database = 'palmares' } = {}) {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'palmares-pg-'));
  const data = join(dir, 'data');
  let asUser = [];
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    asUser = ['runuser', '-u', 'postgres', '--'];
  }
  const run = (program, args) => {
    const [cmd, ...rest] = [...asUser, join(bin, program), ...args];
    const result = spawnSync(cmd, rest, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'palmares', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)];
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options.join(' '), '-w', 'start']);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'palmares', database]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://palmares@127.0.0.1:${port}/${database}`, port, dir, stop };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cluster = await startCluster();
  console.log(cluster.url);
  const end = () => cluster.stop().then(() => process.exit(0));
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
  setInterval(() => {}, 1 << 30);
}
