// Next.js and React stay at releases that carry the 2025–2026 fixes for the proxy (middleware) bypass
// (CVE-2025-29927, `x-middleware-subrequest`) and the React Server Components / Flight protocol flaws
// (CVE-2025-55182 and the December 2025 follow-ups). docs/security.md "Dependencies" gives the reasoning.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
function atLeast(actual: string, minimum: string): boolean {
  const a = actual.split(/[.-]/).map(Number);
  const m = minimum.split('.').map(Number);
  for (let i = 0; i < m.length; i++) if ((a[i] ?? 0) !== m[i]) return (a[i] ?? 0) > m[i]!;
  return true;
}

describe('依赖版本不低于已知漏洞的修复版本', () => {
  it.each([
    ['next', '16.2.11'],
    ['react', '19.2.3'],
    ['react-dom', '19.2.3'],
  ])('%s ≥ %s', (name, minimum) => {
    expect(atLeast(version(name), minimum), `${name} ${version(name)}`).toBe(true);
  });

  it('版本比较本身是对的', () => {
    expect(atLeast('16.4.6', '16.2.11')).toBe(true);
    expect(atLeast('16.2.10', '16.2.11')).toBe(false);
    expect(atLeast('15.9.9', '16.2.11')).toBe(false);
  });
});
