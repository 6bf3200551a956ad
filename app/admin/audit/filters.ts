// The audit page's filters from its URL (person as an id, never a 身份证号: that is turned into the id by the
// filter action, so it appears in no URL, history or server log).
import type { AuditFilters } from '@/lib/dal/audit-search';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/;

export function filtersFrom(p: Record<string, string | undefined>): AuditFilters & { noPerson?: boolean } {
  return {
    personId: p.person && ID.test(p.person) ? p.person : undefined,
    noPerson: p.person === 'none',
    userId: p.user && ID.test(p.user) ? p.user : undefined,
    action: p.action && /^[a-z_.]{1,60}$/.test(p.action) ? p.action : undefined,
    from: p.from && DAY.test(p.from) ? p.from : undefined,
    to: p.to && DAY.test(p.to) ? p.to : undefined,
    page: p.page && /^\d{1,6}$/.test(p.page) ? Number(p.page) : 1,
  };
}

export function queryOf(f: AuditFilters & { noPerson?: boolean }, page?: number): string {
  const s = new URLSearchParams();
  if (f.personId) s.set('person', f.personId);
  else if (f.noPerson) s.set('person', 'none');
  if (f.userId) s.set('user', f.userId);
  if (f.action) s.set('action', f.action);
  if (f.from) s.set('from', f.from);
  if (f.to) s.set('to', f.to);
  if (page && page > 1) s.set('page', String(page));
  const q = s.toString();
  return q ? `?${q}` : '';
}
