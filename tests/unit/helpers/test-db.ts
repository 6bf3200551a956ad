// Import first in a unit test that touches the database: a fresh temporary SQLite file and fresh keys.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '@/db/migrate';

const dir = mkdtempSync(join(tmpdir(), 'portal-unit-'));
process.env.DATABASE_URL = join(dir, 'test.db');
process.env.UPLOAD_DIR = join(dir, 'uploads');
process.env.AUTH_SECRET = randomBytes(32).toString('base64url');
process.env.DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64url');
process.env.DATA_HMAC_KEY = randomBytes(32).toString('base64url');
process.env.SMS_PROVIDER = 'demo';
runMigrations(process.env.DATABASE_URL);

export const testDir = dir;
