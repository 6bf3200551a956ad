// What a new staff password must be (OWASP ASVS 5.0 V6.2): at least 12 characters, up to 128, any characters
// (spaces and Chinese too, no composition rules), not on a list of common or guessable passwords, and no forced
// periodic change. The check runs when a password is set (change page, new accounts), never at sign-in.
import { COMMON_PASSWORDS } from '@/lib/auth/common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const common = new Set(COMMON_PASSWORDS);
const RUNS = ['0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'zyxwvutsrqponmlkjihgfedcba', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv', 'qazwsxedcrfv'];

/** The reason this password may not be used, in plain Chinese, or null when it is fine. */
export function passwordProblem(password: string, context: { username?: string | null; displayName?: string | null } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符（可以用一句好记的话，空格和汉字都可以）。`;
  if (length > PASSWORD_MAX_LENGTH) return `密码最多 ${PASSWORD_MAX_LENGTH} 个字符。`;
  const lower = password.toLowerCase().normalize('NFKC');
  const compact = lower.replace(/[\s._\-!@#$%^&*+=~`'",:;?/\\|()[\]{}<>]/g, '');
  if (new Set(compact).size <= 3) return '这个密码重复的字符太多，请换一个。';
  if (isRepeatedUnit(compact)) return '这个密码是重复的片段，很容易被猜到，请换一个。';
  if (isRun(compact)) return '这个密码是连续的数字、字母或键盘顺序，请换一个。';
  if (isCommon(compact)) return '这个密码太常见，很容易被猜到，请换一个。';
  for (const own of [context.username, context.displayName]) {
    const o = own?.toLowerCase().replace(/[\s._\-]/g, '');
    if (o && o.length >= 3 && compact.includes(o)) return '密码不能包含用户名或姓名。';
  }
  return null;
}

/** On the list, or a listed word padded with digits or symbols ("password2026", "2026woaini"). */
function isCommon(compact: string): boolean {
  if (common.has(compact)) return true;
  const core = compact.replace(/^\d+/, '').replace(/\d+$/, '');
  if (core.length === 0) return true; // only digits once padding is gone: a date or a number
  if (common.has(core)) return true;
  // Two listed words joined ("woaini" + "zhongguo"), optionally padded.
  for (let i = 2; i < core.length - 1; i++) {
    if (common.has(core.slice(0, i)) && common.has(core.slice(i))) return true;
  }
  return false;
}

function isRepeatedUnit(s: string): boolean {
  for (let size = 1; size <= s.length / 2; size++) {
    if (s.length % size === 0 && s.slice(0, size).repeat(s.length / size) === s) return true;
  }
  return false;
}

function isRun(s: string): boolean {
  // Inside a run, also across its wrap-around ("123456789012").
  return RUNS.some((run) => (run + run + run).includes(s));
}
