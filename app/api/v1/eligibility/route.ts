// POST /api/v1/eligibility (docs/api.md): no login, nothing stored; staff-set parameters in force on the date asked.
import { handleEligibilityRequest } from '@/lib/api/v1';
import { parametersOnDate } from '@/lib/dal/parameters';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleEligibilityRequest(request, parametersOnDate);
}
