// `npm run reminders`: sends the due authority reminders and marks ended authorities expired (idempotent;
// safe to run from cron or the job worker as often as wanted).
import { loadLocalEnv } from '@/db/load-env';
import { sendAuthorityReminders } from '@/lib/dal/authorities/reminders';
import { closeDatabase } from '@/lib/store/db';

loadLocalEnv();
sendAuthorityReminders(new Date())
  .then((r) => console.log(`委托提醒：发出 ${r.reminded} 条，到期 ${r.expired} 份。`))
  .catch((error) => {
    console.error('委托提醒失败:', error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
