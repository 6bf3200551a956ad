#!/usr/bin/env node
// Scans a server log for personal data that must never be logged: a full mobile number (1[3-9] + 9 digits),
// a 身份证号 (17 digits + digit or X), a bank account (16–19 digits), and one-time codes outside demo mode.
// Masked forms (138****0001, **** **** 4567, 3202**********0012) pass. In demo mode (SMS_PROVIDER=demo in
// test-results/e2e-server.env.json, or CHECK_LOGS_DEMO=1) the demo SMS sender's own `[demo-sms]` lines may
// carry a code (the page shows it too); no other line may, and outside demo mode none may.
//
//   node scripts/check-logs.mjs [--json] [test-results/e2e-server.log]     exit 0 = clean, 1 = findings, 2 = no log
// With --json (a server's log) it also needs the JSON request lines, each with a request id and a route pattern.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const edge = '(?<![0-9A-Za-z_])';
const end = '(?![0-9A-Za-z_])';
export const PATTERNS = [
  { what: '手机号 (full mobile number)', re: new RegExp(`${edge}1[3-9]\\d{9}${end}`, 'g') },
  { what: '身份证号 (ID number)', re: new RegExp(`${edge}\\d{17}[\\dXx]${end}`, 'g') },
  { what: '银行账号 (bank account)', re: new RegExp(`${edge}\\d{16,19}${end}`, 'g') },
];
// A code next to the words that announce one (the SMS text, Auth.js or our own messages).
const CODE = /(验证码|one-time code|otp|code)[^0-9\n]{0,12}(?<![0-9])(\d{6})(?![0-9])/gi;

/** Every finding in `text`: line number, what, and the match with its middle hidden (the report must not leak it). */
export function scanLog(text, { demo }) {
  const findings = [];
  text.split('\n').forEach((line, i) => {
    for (const { what, re } of PATTERNS) {
      for (const m of line.matchAll(re)) findings.push({ line: i + 1, what, sample: hide(m[0]) });
    }
    const demoLine = line.includes('[demo-sms]');
    if (!(demo && demoLine)) {
      for (const m of line.matchAll(CODE)) findings.push({ line: i + 1, what: demo ? '验证码 outside the demo sender' : '验证码 outside demo mode', sample: hide(m[2]) });
    }
  });
  return findings;
}

/**
 * The server's request lines (JSON, `"msg":"request"`, written by lib/observe/http.ts): each must carry its
 * request id and a route pattern, never a query string or a case reference.
 */
export function checkRequestLines(text) {
  let requests = 0;
  const problems = [];
  text.split('\n').forEach((line, i) => {
    if (!line.startsWith('{')) return;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      return;
    }
    if (entry.msg !== 'request') return;
    requests++;
    if (typeof entry.requestId !== 'string' || entry.requestId === '') problems.push({ line: i + 1, what: 'request line without a requestId' });
    if (typeof entry.route !== 'string' || entry.route.includes('?') || /[A-Z]{2}-\d{4}-\d{6}/.test(entry.route)) problems.push({ line: i + 1, what: 'request line whose route is not a pattern' });
  });
  return { requests, problems };
}

function hide(s) {
  return s.length <= 4 ? '*'.repeat(s.length) : `${s.slice(0, 2)}${'*'.repeat(s.length - 4)}${s.slice(-2)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --json: the log is a server's (scripts/e2e-server.sh), so it must also hold JSON request lines with ids.
  const json = process.argv.includes('--json');
  const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'test-results/e2e-server.log';
  if (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
    console.error(`check-logs: ${file} is missing or empty (run the end-to-end tests first)`);
    process.exit(2);
  }
  let demo = process.env.CHECK_LOGS_DEMO === '1';
  const envFile = 'test-results/e2e-server.env.json';
  if (process.env.CHECK_LOGS_DEMO === undefined && existsSync(envFile)) demo = JSON.parse(readFileSync(envFile, 'utf8')).SMS_PROVIDER === 'demo';
  const text = readFileSync(file, 'utf8');
  const findings = scanLog(text, { demo });
  const lines = text.split('\n').length;
  const requestLines = checkRequestLines(text);
  if (json) {
    findings.push(...requestLines.problems.map((p) => ({ ...p, sample: '' })));
    if (requestLines.requests === 0) findings.push({ line: 0, what: 'no JSON request line (lib/observe/http.ts) in a server log', sample: '' });
  }
  if (findings.length === 0) {
    const also = json ? `; ${requestLines.requests} JSON request lines, each with its request id and route pattern` : '';
    console.log(`check-logs: ${file}: ${lines} lines, no phone number, 身份证号, bank account or stray one-time code (demo mode: ${demo ? 'yes' : 'no'})${also}`);
    process.exit(0);
  }
  for (const f of findings.slice(0, 50)) console.error(`  ${file}:${f.line}: ${f.what}: ${f.sample}`);
  console.error(`check-logs: ${findings.length} finding(s) in ${file}`);
  process.exit(1);
}
