// The production server the page benchmarks measure (bench/http.bench.ts, bench/lighthouse.bench.ts): the build
// (`npx next build` when there is none), a fresh temporary SQLite database with the demo data, `next start` on a free
// loopback port, as scripts/e2e-server.sh starts it. `stop()` ends the server and removes the folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Waits for a 2xx from `url` (the ready signal), at most 3 minutes, failing at once if the server exits. */
async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within 3 minutes`);
}

export async function startProductionServer(label: string): Promise<{ base: string; stop: () => void }> {
  if (!existsSync(join(root, '.next/BUILD_ID'))) {
    console.log(`${label}: no production build yet, running \`npx next build\``);
    const b = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('next build failed');
  }
  const tmp = mkdtempSync(join(tmpdir(), `${label}-`));
  const key = () => randomBytes(32).toString('base64url');
  const env = {
    ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: join(tmp, 'portal.db'), UPLOAD_DIR: join(tmp, 'uploads'),
    SMS_PROVIDER: 'demo', DEMO_MODE: '1', AUTH_SECRET: key(), DATA_ENCRYPTION_KEY: key(), DATA_HMAC_KEY: key(),
  } as NodeJS.ProcessEnv;
  const step = (args: string[]) => {
    const r = spawnSync('npx', args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
  };
  step(['tsx', 'db/migrate.ts']);
  step(['tsx', '--conditions=react-server', 'scripts/seed/seed.ts']);
  const port = await freePort();
  const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitReady(`${base}/api/health`, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}
