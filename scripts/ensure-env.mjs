#!/usr/bin/env node
// Creates .env.local with fresh secrets the first time; never overwrites a key that is there
// (losing DATA_ENCRYPTION_KEY would make every stored 身份证号, phone and bank account unreadable).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const file = '.env.local';
const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
const has = (name) => new RegExp(`^${name}=`, 'm').test(current) || Boolean(process.env[name]);
const secret = () => randomBytes(32).toString('base64url');

const wanted = [
  ['AUTH_SECRET', secret, '# Signs session tokens (Auth.js).'],
  ['DATA_ENCRYPTION_KEY', secret, '# AES-256-GCM key for personal data at rest. Back it up: without it the data cannot be read.'],
  ['DATA_HMAC_KEY', secret, '# Keyed hash for looking up phone numbers and 身份证号.'],
  ['SMS_PROVIDER', () => 'demo', '# demo = codes shown on screen and in the log (demo only); webhook = real SMS gateway (set SMS_WEBHOOK_URL).'],
];
// The demo sender refuses to run in production unless DEMO_MODE=1 says this is a demo on purpose (then every
// page shows a banner). Added only where the demo sender is what this install uses.
const smsProvider = process.env.SMS_PROVIDER ?? current.match(/^SMS_PROVIDER=(.*)$/m)?.[1]?.trim() ?? 'demo';
if (smsProvider === 'demo') {
  wanted.push(['DEMO_MODE', () => '1', '# 1 = a demonstration install: codes on screen, banner on every page. Remove it (and use SMS_PROVIDER=webhook) for real use.']);
}
const added = [];
let text = current;
for (const [name, make, comment] of wanted) {
  if (has(name)) continue;
  text += `${text && !text.endsWith('\n') ? '\n' : ''}${comment}\n${name}=${make()}\n`;
  added.push(name);
}
if (added.length) {
  writeFileSync(file, text, { mode: 0o600 });
  console.log(`已在 ${file} 中生成: ${added.join(', ')}`);
}
