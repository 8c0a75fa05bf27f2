/** The co-op's CLI and server as child processes, exactly as an operator runs them. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(repoRoot, 'bin', 'coop.js');

/** Where the co-op keeps its data for one benchmark run. */
export type Target = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export function coopEnv(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, COOP_LOG: 'warn', ...extra };
  delete env.DATABASE_URL;
  delete env.COOP_DATA_DIR;
  if (target.kind === 'pglite') env.COOP_DATA_DIR = target.dataDir;
  else env.DATABASE_URL = target.url;
  return env;
}

const live = new Set<ChildProcess>();
// If the benchmark dies, do not leave a server holding a port or a data directory.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Runs `node bin/coop.js ...args`; resolves with its wall time, rejects with its stderr. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, env });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      live.delete(child);
      const ms = performance.now() - start;
      if (code === 0) resolve({ ms, stdout });
      else reject(new Error(`coop ${args[0]} exited with ${code}:\n${stderr || stdout}`));
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  startMs: number;
  stop(): Promise<void>;
}

/** `node bin/coop.js serve` (what `npm start` runs once the web app is built) on a free port. */
export async function startServer(target: Target): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const start = performance.now();
  const child = spawn(process.execPath, [cli, 'serve'], {
    cwd: repoRoot,
    env: coopEnv(target, { HOST: '127.0.0.1', PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    live.delete(child);
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`coop serve exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
      await res.arrayBuffer();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`coop serve did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, pid: child.pid!, startMs: performance.now() - start, stop };
}

/** bench/bareServer.ts in its own process: the herd's floor on this machine. */
export async function startBareServer(): Promise<RunningServer> {
  const start = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'bench', 'bareServer.ts')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  live.add(child);
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench/bareServer.ts exited with ${code}`)));
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    startMs: performance.now() - start,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      live.delete(child);
    },
  };
}
