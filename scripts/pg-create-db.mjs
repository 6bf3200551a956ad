#!/usr/bin/env node
// A fresh database on a PostgreSQL server, for one test run:
//   node scripts/pg-create-db.mjs SERVER_URL PREFIX   → creates PREFIX_<random>, prints its URL
//   node scripts/pg-create-db.mjs --drop DATABASE_URL  → drops it (never fails the caller)
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const [first, second] = process.argv.slice(2);
const drop = first === '--drop';
const target = new URL(drop ? second : first);
const name = drop ? target.pathname.slice(1) : `${second ?? 'portal_test'}_${randomBytes(5).toString('hex')}`;
if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
const admin = new URL(target);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: admin.toString() });
try {
  await client.connect();
  await client.query(drop ? `drop database if exists ${name} with (force)` : `create database ${name}`);
  if (!drop) {
    target.pathname = `/${name}`;
    console.log(target.toString());
  }
} catch (error) {
  console.error(`pg-create-db: ${error.message}`);
  if (!drop) process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
