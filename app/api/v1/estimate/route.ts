// POST /api/v1/estimate (docs/api.md): no login, nothing stored; staff-set parameters come from the database.
import { handleEstimateRequest } from '@/lib/api/v1';
import { parametersForYear } from '@/lib/dal/parameters';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleEstimateRequest(request, parametersForYear);
}
