// db/schema.ts (SQLite) and db/schema.pg.ts (PostgreSQL) must describe the same database: same tables,
// columns, defaults, indexes, foreign keys and constraints, and the same TypeScript row types, because the
// data layer is typed once against db/schema.ts and runs on both. No database needed.
import { getTableColumns, getTableName, is, SQL, type Column, type InferInsertModel, type InferSelectModel, type Table } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, PgDialect, pgTable, PgTable, text as pgText } from 'drizzle-orm/pg-core';
import {
  getTableConfig as sqliteTableConfig,
  SQLiteSyncDialect,
  sqliteTable,
  SQLiteTable,
  text as sqliteText,
} from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as sqlite from '@/db/schema';
import * as pg from '@/db/schema.pg';

type Dialect = 'sqlite' | 'pg';

// Column types that mean the same thing on both sides. Anything else is reported as unmapped.
const KIND: Record<Dialect, Record<string, string>> = {
  sqlite: { SQLiteText: 'text', SQLiteTextJson: 'json', SQLiteBoolean: 'boolean', SQLiteInteger: 'integer' },
  pg: { PgText: 'text', PgJsonb: 'json', PgBoolean: 'boolean', PgInteger: 'integer', PgBigInt53: 'integer' },
};
// On PostgreSQL, integers that hold money (`*_fen`, `value`) or milliseconds (`*_ms`, epoch or a duration) are int8; the rest int4.
const PG_BIGINT = /(_fen|_ms|^value|^window_start)$/;

const NOW_ISO: Record<Dialect, string> = {
  sqlite: `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
  pg: `to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};
const dialects = { sqlite: new SQLiteSyncDialect(), pg: new PgDialect() };

function defaultOf(d: Dialect, c: Column): string {
  if (c.defaultFn) return 'default=$defaultFn';
  if (c.default === undefined) return c.hasDefault ? 'default=?' : '';
  if (is(c.default, SQL)) {
    const text = dialects[d].sqlToQuery(c.default).sql;
    return text === NOW_ISO[d] ? 'default=now-iso' : `default=sql(${text})`;
  }
  return `default=${JSON.stringify(c.default)}`;
}

function columnFacts(d: Dialect, table: string, key: string, c: Column): string {
  const kind = KIND[d][c.columnType] ?? `unmapped:${c.columnType}`;
  const autoIncrement =
    d === 'sqlite' ? (c as unknown as { autoIncrement?: boolean }).autoIncrement === true : c.generatedIdentity !== undefined;
  return [
    `column ${table}.${c.name} (key ${key}):`,
    kind,
    c.notNull ? 'not null' : 'null',
    c.primary ? 'primary key' : '',
    autoIncrement ? 'auto-increment' : '',
    c.isUnique ? `unique(${c.uniqueName})` : '',
    c.generated ? 'generated' : '',
    defaultOf(d, c),
    c.enumValues ? `enum[${c.enumValues.join('|')}]` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const names = (cols: { name: string }[]) => cols.map((c) => c.name).join(',');

/** Everything both dialects must agree on about one table, one line per fact. */
function tableFacts(d: Dialect, table: Table): string[] {
  const cfg = d === 'sqlite' ? sqliteTableConfig(table as SQLiteTable) : pgTableConfig(table as PgTable);
  const t = cfg.name;
  const facts = Object.entries(getTableColumns(table)).map(([key, c]) => columnFacts(d, t, key, c));
  for (const i of cfg.indexes) {
    const ic = i.config as { name: string; unique: boolean; columns: unknown[]; where?: unknown };
    const cols = ic.columns.map((c) => (is(c, SQL) ? `sql` : (c as { name: string }).name)).join(',');
    facts.push(`index ${t}.${ic.name} on (${cols})${ic.unique ? ' unique' : ''}${ic.where ? ' partial' : ''}`);
  }
  for (const fk of cfg.foreignKeys) {
    const r = fk.reference();
    facts.push(
      `foreign key ${t}(${names(r.columns)}) -> ${getTableName(r.foreignTable)}(${names(r.foreignColumns)})` +
        ` on delete ${fk.onDelete ?? 'no action'} on update ${fk.onUpdate ?? 'no action'}`,
    );
  }
  for (const u of cfg.uniqueConstraints) facts.push(`unique ${t}.${u.getName()} (${names(u.columns)})`);
  for (const pk of cfg.primaryKeys) facts.push(`primary key ${t}(${names(pk.columns)})`);
  for (const c of cfg.checks) facts.push(`check ${t}.${c.name}`);
  return facts.sort();
}

/** Human-readable differences between a SQLite table and its PostgreSQL twin; empty when they match. */
function tableDiff(s: SQLiteTable, p: PgTable): string[] {
  const sf = tableFacts('sqlite', s);
  const pf = tableFacts('pg', p);
  return [
    ...sf.filter((f) => !pf.includes(f)).map((f) => `only in SQLite:     ${f}`),
    ...pf.filter((f) => !sf.includes(f)).map((f) => `only in PostgreSQL: ${f}`),
  ];
}

const sqliteTables = Object.fromEntries(
  Object.entries(sqlite as Record<string, unknown>).flatMap(([k, v]) => (is(v, SQLiteTable) ? [[k, v] as const] : [])),
);
const pgTables = Object.fromEntries(
  Object.entries(pg as Record<string, unknown>).flatMap(([k, v]) => (is(v, PgTable) ? [[k, v] as const] : [])),
);

describe('schema parity: db/schema.ts (SQLite) ↔ db/schema.pg.ts (PostgreSQL)', () => {
  it('exports the same names', () => {
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort());
    expect(pg.ROLES).toBe(sqlite.ROLES);
    expect(pg.STAFF_ROLES).toBe(sqlite.STAFF_ROLES);
    expect(pg.APPLICATION_STATUSES).toBe(sqlite.APPLICATION_STATUSES);
    expect(pg.AUTHORITY_SCOPES).toBe(sqlite.AUTHORITY_SCOPES);
  });

  it('has the same tables under the same export names', () => {
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(10);
    const byName = (ts: Record<string, Table>) => Object.entries(ts).map(([k, t]) => `${k} = ${getTableName(t)}`).sort();
    expect(byName(pgTables)).toEqual(byName(sqliteTables));
  });

  describe.each(Object.keys(sqliteTables).sort())('%s', (key) => {
    it('has the same columns, indexes, foreign keys and constraints', () => {
      const p = pgTables[key];
      expect(p, `db/schema.pg.ts has no table export "${key}"`).toBeDefined();
      expect(tableDiff(sqliteTables[key]!, p!)).toEqual([]);
    });
  });

  it('uses int8 exactly for money and epoch-millisecond columns on PostgreSQL', () => {
    const wrong = Object.values(pgTables).flatMap((t) =>
      Object.values(getTableColumns(t))
        .filter((c) => c.columnType === 'PgInteger' || c.columnType === 'PgBigInt53')
        .filter((c) => (c.columnType === 'PgBigInt53') !== PG_BIGINT.test(c.name))
        .map((c) => `${getTableName(t)}.${c.name} is ${c.columnType}`),
    );
    expect(wrong).toEqual([]);
  });

  it('reports a column only one side has (the check itself works)', () => {
    const s = sqliteTable('t', { a: sqliteText('a').notNull() });
    const p = pgTable('t', { a: pgText('a').notNull(), b: pgText('b') });
    expect(tableDiff(s, p)).toEqual(['only in PostgreSQL: column t.b (key b): text null']);
    const p2 = pgTable('t', { a: pgText('a') });
    expect(tableDiff(s, p2)).toEqual(['only in SQLite:     column t.a (key a): text not null', 'only in PostgreSQL: column t.a (key a): text null']);
  });
});

// ---- Type level: a drift fails `tsc --noEmit` (these lines are no-ops at run time). ----

type TablesOf<M, T> = { [K in keyof M as M[K] extends T ? K : never]: M[K] };
type SqliteTables = TablesOf<typeof sqlite, SQLiteTable>;
type PgTables = TablesOf<typeof pg, PgTable>;
type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** `table.column` (or `table`) for every column whose select or insert type differs; never when none does. */
type Drift<S, P> = {
  [K in keyof S | keyof P]: K extends keyof S & keyof P
    ? S[K] extends Table
      ? P[K] extends Table
        ? ColumnDrift<K & string, InferSelectModel<S[K]>, InferSelectModel<P[K]>, 'select'>
          | ColumnDrift<K & string, InferInsertModel<S[K]>, InferInsertModel<P[K]>, 'insert'>
        : K
      : K
    : K;
}[keyof S | keyof P];
type ColumnDrift<T extends string, S, P, M extends string> = {
  [C in keyof S | keyof P]: C extends keyof S & keyof P
    ? Same<Pick<S, C>, Pick<P, C>> extends true
      ? never
      : `${T}.${C & string} (${M})`
    : `${T}.${C & string} (${M}, one side only)`;
}[keyof S | keyof P];

describe('schema parity: TypeScript types', () => {
  it('infers identical row types for every table', () => {
    // A drift names itself in the tsc error, e.g. Type '"applications.extra (select, one side only)"' is not
    // assignable to type 'never'.
    const drift: never[] = [] as Drift<SqliteTables, PgTables>[];
    expect(drift).toEqual([]);
    expectTypeOf<Drift<SqliteTables, PgTables>>().toEqualTypeOf<never>();
    expectTypeOf<{ [K in keyof PgTables]: InferSelectModel<PgTables[K]> }>().toEqualTypeOf<{
      [K in keyof SqliteTables]: InferSelectModel<SqliteTables[K]>;
    }>();
    expectTypeOf<{ [K in keyof PgTables]: InferInsertModel<PgTables[K]> }>().toEqualTypeOf<{
      [K in keyof SqliteTables]: InferInsertModel<SqliteTables[K]>;
    }>();
    expectTypeOf<typeof pg.users.$inferSelect>().toEqualTypeOf<typeof sqlite.users.$inferSelect>();
    expectTypeOf<typeof pg.auditLog.$inferInsert>().toEqualTypeOf<typeof sqlite.auditLog.$inferInsert>();
    expectTypeOf<pg.Role>().toEqualTypeOf<sqlite.Role>();
    expectTypeOf<pg.ApplicationStatus>().toEqualTypeOf<sqlite.ApplicationStatus>();
  });

  it('sees the tables (the type filter is not empty)', () => {
    expectTypeOf<keyof SqliteTables>().toEqualTypeOf<keyof PgTables>();
    expectTypeOf<'users' | 'applications' | 'payments' | 'auditLog' | 'counters'>().toExtend<keyof SqliteTables>();
  });
});
