// Fills a new database: 'none' leaves it empty, 'users' adds roles and the three sign-ins, 'demo' adds a CRM.
import type { Database } from '../db/database.ts';
import type { SeedName } from '../options.ts';
import { seedDemo } from './seed-demo.ts';
import { seedUsers } from './seed-users.ts';

export function seedDatabase(db: Database, seed: SeedName): void {
  if (seed === 'none') return;
  seedUsers(db);
  if (seed === 'demo') seedDemo(db);
}
