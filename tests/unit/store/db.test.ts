import { testDialect } from '../helpers/test-db';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dialect, q, schema, transaction } from '@/lib/store/db';

const rows = async (key: string) => (await q((db) => db.select({ n: count() }).from(schema.counters).where(eq(schema.counters.name, key))))[0]!.n;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`一个连接纪律（${testDialect}）`, () => {
  it('测试用的是所选的数据库', () => {
    expect(dialect()).toBe(testDialect);
  });

  it('事务里出错时，连同嵌套调用写入的内容全部撤销', async () => {
    await expect(
      transaction(async (tx) => {
        await tx.insert(schema.counters).values({ name: 'rollback-a', value: 1 });
        // A helper that uses q() inside the transaction joins it …
        await q((db) => db.insert(schema.counters).values({ name: 'rollback-b', value: 1 }));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    // … so both writes went with the rollback.
    expect(await rows('rollback-a')).toBe(0);
    expect(await rows('rollback-b')).toBe(0);
  });

  it('一个事务在等待时，别的请求看不到它没提交的内容，也不会混进它的事务', async () => {
    let inside = false;
    const slow = transaction(async (tx) => {
      await tx.insert(schema.counters).values({ name: 'interleave', value: 1 });
      inside = true;
      await pause(50);
      throw new Error('rolled back');
    }).catch(() => 'rolled back');
    while (!inside) await pause(1);
    // Another request while the transaction waits: it must neither see the uncommitted row nor write into it.
    const seen = await rows('interleave');
    await q((db) => db.insert(schema.counters).values({ name: 'outside', value: 1 }));
    expect(await slow).toBe('rolled back');
    expect(seen).toBe(0);
    expect(await rows('interleave')).toBe(0);
    expect(await rows('outside')).toBe(1);
  });

  it('并发的原位加一不会丢：100 次同时加一得到 100', async () => {
    await q((db) => db.insert(schema.counters).values({ name: 'hits', value: 0 }));
    const { sql } = await import('drizzle-orm');
    await Promise.all(Array.from({ length: 100 }, () => q((db) => db.update(schema.counters).set({ value: sql`${schema.counters.value} + 1` }).where(eq(schema.counters.name, 'hits')))));
    const [row] = await q((db) => db.select().from(schema.counters).where(eq(schema.counters.name, 'hits')));
    expect(row!.value).toBe(100);
  });
});

describe('数据层只用两种数据库都支持的写法', () => {
  it('lib/ 里没有 SQLite 专用的同步调用 .get() .all() .run()', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk('lib');
    walk('app');
    walk('scripts/seed');
    const offenders = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => /\.(get|all|run)\(\)/.test(line))
        .map(([, n]) => `${f}:${n}`),
    );
    expect(offenders).toEqual([]);
  });
});
