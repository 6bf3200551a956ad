/** Mainland mobile numbers: 11 digits starting with 1; spaces, dashes and +86 are tolerated. */
export function normalisePhone(input: string): string | null {
  const s = input.normalize('NFKC').replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(s) ? s : null;
}
