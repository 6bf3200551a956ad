import { defineConfig } from 'drizzle-kit';

// PostgreSQL twin of drizzle.config.ts (SQLite). `npm run db:generate:pg` writes db/migrations-pg.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.pg.ts',
  out: './db/migrations-pg',
  dbCredentials: { url: process.env.PG_DATABASE_URL ?? process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/portal' },
});
