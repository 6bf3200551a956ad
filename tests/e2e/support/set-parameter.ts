// Sets a staff parameter in the e2e server's database (as an administrator would), for specs that need one the
// e2e seed leaves unset. Usage: tsx --conditions=react-server set-parameter.ts <region> <name> <value> <unit> <source>
import { closeDatabase, q, schema } from '@/lib/store/db';

const [region, name, value, unit, source] = process.argv.slice(2);
await q((db) => db.insert(schema.parameters).values({ region: region!, name: name!, value: Number(value), unit: unit!, effectiveFrom: '2020-01-01', source: source! }));
await closeDatabase();
