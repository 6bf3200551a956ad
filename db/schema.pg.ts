// TEMPORARY placeholder until the PostgreSQL twin of db/schema.ts lands.
export * from './schema';
