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
