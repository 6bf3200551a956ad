// docs/benchmarks.md holds one section per benchmark, between `<!-- bench:NAME -->` markers. A bench
// rewrites only its own section, and only when asked (`-- --record`): a plain `npm run bench` prints and
// leaves the tree clean.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
export const recording = process.argv.includes('--record');

export function recordSection(name: string, markdown: string): void {
  if (!recording) {
    console.log(`(not recorded: run with -- --record to write the "${name}" section of docs/benchmarks.md)`);
    return;
  }
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const at = text.indexOf(start);
  text = at >= 0 ? text.slice(0, at) + block + text.slice(text.indexOf(end, at) + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
  console.log(`recorded the "${name}" section of docs/benchmarks.md`);
}

/** The machine facts every section starts with. */
export function machineLine(): string {
  return `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} logical cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.arch()}, Node ${process.version}`;
}

/** p50 and p95 in ms of `iterations` timed runs after `warmup` untimed ones. */
export async function measure(run: () => Promise<unknown>, iterations: number, warmup: number): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! };
}
