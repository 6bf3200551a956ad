// The job worker (`npm run worker`; scripts/setup-and-start.sh and scripts/e2e-server.sh start one): takes
// jobs from the database one at a time (lib/jobs/queue.ts claims them so two workers never take the same
// one), and once a day after 02:00 Shanghai time queues the nightly watch-list refresh and the retention job (lib/dal/retention.ts) of every region (the
// job's key makes that once a day however many workers run), and sends the SMS outbox (lib/dal/sms-outbox.ts). Stops cleanly on SIGTERM/SIGINT after the
// current job; a job cut off by a crash is picked up again once its heartbeat is stale.
import { hostname } from 'node:os';
import { loadLocalEnv } from '@/db/load-env';
import { REGION_CODES } from '@/lib/calculator';
import { enqueueNightlyRefresh } from '@/lib/dal/watchlist';
import { enqueueNightlyRetention } from '@/lib/dal/retention';
import { sendOutbox } from '@/lib/dal/sms-outbox';
import { todayInShanghai } from '@/lib/format';
import { HANDLERS } from '@/lib/jobs/handlers';
import { runNext } from '@/lib/jobs/runner';
import { closeDatabase } from '@/lib/store/db';
import { log, routeConsole } from '@/lib/observe/log';

loadLocalEnv();
routeConsole();
const workerId = `${hostname()}:${process.pid}:${Date.now().toString(36)}`;
const idleMs = Number(process.env.WORKER_POLL_MS ?? 1000);
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => (stopping = true));

function shanghaiHour(now: Date): number {
  return (now.getUTCHours() + 8) % 24;
}

log('info', 'worker started', { workerId });
let lastNightly = '';
while (!stopping) {
  try {
    const now = new Date();
    const today = todayInShanghai(now);
    if (today !== lastNightly && shanghaiHour(now) >= 2) {
      await enqueueNightlyRefresh(REGION_CODES, today);
      await enqueueNightlyRetention(REGION_CODES, today);
      lastNightly = today;
    }
    // SMS that committed transactions queued (an import's direct awards), before and after each job.
    await sendOutbox();
    const job = await runNext(workerId, HANDLERS);
    if (job) {
      log('info', 'worker ran a job', { workerId, kind: job.kind, jobId: job.id });
      await sendOutbox();
    }
    else await new Promise((r) => setTimeout(r, idleMs));
  } catch (error) {
    log('error', 'worker error', { workerId, error: error instanceof Error ? error.message : String(error) });
    await new Promise((r) => setTimeout(r, idleMs * 5));
  }
}
await closeDatabase();
log('info', 'worker stopped', { workerId });
