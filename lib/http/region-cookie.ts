import 'server-only';
import { cookies } from 'next/headers';
import { isRegionCode, type RegionCode } from '@/lib/calculator';

export const REGION_COOKIE = 'region';

/** The region the visitor chose on the home page, if any. */
export async function chosenRegion(): Promise<RegionCode | null> {
  const value = (await cookies()).get(REGION_COOKIE)?.value;
  return isRegionCode(value) ? value : null;
}
