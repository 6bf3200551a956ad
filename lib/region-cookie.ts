import 'server-only';
import { cookies } from 'next/headers';
import { REGIONS, type RegionCode } from '@/lib/calculator';

export const REGION_COOKIE = 'region';

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && REGIONS.some((r) => r.code === value);
}

/** The region the visitor chose on the home page, if any. */
export async function chosenRegion(): Promise<RegionCode | null> {
  const value = (await cookies()).get(REGION_COOKIE)?.value;
  return isRegionCode(value) ? value : null;
}
