import { existsSync } from 'node:fs';

/** Scripts run outside Next (migrate, seed) read `.env.local` the way Next does; real env wins. */
export function loadLocalEnv(): void {
  if (existsSync('.env.local')) process.loadEnvFile('.env.local');
}
