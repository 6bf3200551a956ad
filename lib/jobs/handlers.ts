import 'server-only';
// Every job kind and the function that runs it (a new kind: its value in db/schema-shared.ts JOB_KINDS and a line here).
import { runImpactJob } from '@/lib/dal/impact';
import { runSettlementImport } from '@/lib/dal/settlements';
import { runWatchlistRefresh } from '@/lib/dal/watchlist';
import { runRetention } from '@/lib/dal/retention';
import type { Handlers } from '@/lib/jobs/runner';

export const HANDLERS = {
  settlement_import: runSettlementImport,
  watchlist_refresh: runWatchlistRefresh,
  impact_preview: runImpactJob,
  retention: (ctx) => runRetention(ctx),
} satisfies Handlers;
