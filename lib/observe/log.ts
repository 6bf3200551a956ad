// Structured logs: one JSON object per line (time, level, msg, the request id when serving a request, fields),
// for the log tools a province already runs. Personal data never belongs in a log; as a second line of defence
// every string is scrubbed of what looks like a mobile number, 身份证号 or bank account (the same shapes
// scripts/check-logs.mjs scans the test servers' logs for), masked as on screen.
import { format } from 'node:util';
import { currentRequest } from '@/lib/observe/context';

export type Level = 'debug' | 'info' | 'warn' | 'error';

const edge = '(?<![0-9A-Za-z_])';
const end = '(?![0-9A-Za-z_])';
const ID_NUMBER = new RegExp(`${edge}(\\d{4})\\d{10}(\\d{3}[\\dXx])${end}`, 'g');
const BANK = new RegExp(`${edge}\\d{12,15}(\\d{4})${end}`, 'g');
const PHONE = new RegExp(`${edge}(1[3-9]\\d)\\d{4}(\\d{4})${end}`, 'g');

/** The text with full 身份证号, bank accounts and mobile numbers masked (3202**********0012, ****4567, 138****0001). */
export function scrub(text: string): string {
  return text.replace(ID_NUMBER, '$1**********$2').replace(BANK, '****$1').replace(PHONE, '$1****$2');
}

function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) return { name: value.name, message: scrub(value.message), stack: value.stack ? scrub(value.stack) : undefined };
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, clean(v, depth + 1)]));
}

/** The line written for one event (exported for tests). */
export function logLine(level: Level, msg: string, fields: Record<string, unknown> = {}, now = new Date()): string {
  const requestId = currentRequest()?.id;
  const line = { time: now.toISOString(), level, msg: scrub(msg), ...(requestId ? { requestId } : {}), ...(clean(fields) as Record<string, unknown>) };
  return JSON.stringify(line);
}

/** Writes one JSON line: info and debug to stdout, warn and error to stderr (never through console, which may be routed here). */
export function log(level: Level, msg: string, fields?: Record<string, unknown>): void {
  const stream = level === 'warn' || level === 'error' ? process.stderr : process.stdout;
  stream.write(`${logLine(level, msg, fields)}\n`);
}

/**
 * Routes console.log/info/warn/error/debug through log(), so what Next.js and libraries print is JSON and
 * scrubbed too. The first argument (a string) is the message; an Error anywhere is kept as a field.
 */
export function routeConsole(): void {
  const holder = globalThis as { __portalConsoleRouted?: boolean };
  if (holder.__portalConsoleRouted) return;
  holder.__portalConsoleRouted = true;
  const levels: [keyof Console & ('log' | 'info' | 'warn' | 'error' | 'debug'), Level][] = [['log', 'info'], ['info', 'info'], ['warn', 'warn'], ['error', 'error'], ['debug', 'debug']];
  for (const [method, level] of levels) {
    console[method] = (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      const rest = args.filter((a) => a !== error);
      log(level, rest.length ? format(...rest) : (error?.message ?? ''), error ? { error } : undefined);
    };
  }
}
