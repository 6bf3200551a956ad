// 居民身份证号码 (GB 11643-1999): 17 digits + check character (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK[sum % 11]!;
}

export type IdNumberCheck = { ok: true; value: string; birthDate: string } | { ok: false; message: string };

/** Validates format, birth date and checksum; returns the normalised number (upper-case X). */
export function checkIdNumber(input: string): IdNumberCheck {
  const value = input.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: '身份证号应为 18 位，最后一位可以是数字或 X' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: '身份证号中的出生日期不正确，请核对' };
  }
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, message: '身份证号校验位不对，请逐位核对是否输错' };
  }
  return { ok: true, value, birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}` };
}
