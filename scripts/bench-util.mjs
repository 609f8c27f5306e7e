// Helpers of the benchmark (scripts/bench.mjs): printing, statistics, the target table, and
// the child processes it starts (commands, static servers), all stopped when it ends.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const KB = 1000; // sizes in kB of 1,000 bytes

export const targets = []; // rows of the final table
export const children = new Set();
export const log = (line = '') => console.log(line);
export const note = (line) => console.log(`  · ${line}`);
export const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
export const ms = (x) => (x == null || Number.isNaN(x) ? 'n/a' : `${x.toFixed(x < 100 ? 1 : 0)} ms`);
export const pad = (s, n) => String(s).padEnd(n);
export const lpad = (s, n) => String(s).padStart(n);
export const secs = (from) => `${((Date.now() - from) / 1000).toFixed(0)} s`;

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
export function target(name, figure, goal, pass) {
  targets.push({ name, figure, goal, result: pass == null ? 'n/a' : pass ? 'PASS' : 'MISS' });
}

/** Runs a command to completion; resolves with { stdout, out } (out: both streams, also in logFile). */
export function run(cmd, args, { cwd = REPO, env = {}, logFile, timeoutMs = 20 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      out += d;
      stdout += d;
    });
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (logFile) writeFileSync(logFile, out);
      if (code === 0) return resolve({ stdout, out });
      const tail = out.trim().split('\n').slice(-15).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail}`));
    });
  });
}

/** A port in [from, to] that nobody listens on (other engineers' servers may hold some). */
export async function freePort(from, to, taken = []) {
  for (let port = from; port <= to; port++) {
    if (taken.includes(port)) continue;
    const free = await new Promise((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port on 127.0.0.1 between ${from} and ${to}`);
}

/** Starts scripts/serve.mjs on 127.0.0.1:port for dir; resolves once it says it is listening. */
export function serve(dir, port) {
  const child = spawn('node', ['scripts/serve.mjs', '--dir', dir, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('Serving') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the server for ${dir} on 127.0.0.1:${port} stopped (exit ${code})`)));
  });
}
