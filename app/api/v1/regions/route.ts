// GET /api/v1/regions: codes of regions, categories, pools and staff-set parameter names, for callers.
import { handleRegionsRequest } from '@/lib/api/v1';

export function GET() {
  return handleRegionsRequest();
}
