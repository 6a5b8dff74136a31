// Pivor's roles and the three sign-ins every sandbox starts with: the admin of Pivor's own seeder,
// a manager and a user, all with the password `password`.
import { demoPasswordHash } from '../auth/passwords.ts';
import type { Database } from '../db/database.ts';

export const demoUsers = [
  { id: 1, name: 'Admin', email: 'admin@pivor.dev', role: 'admin' },
  { id: 2, name: 'Morgan Reyes', email: 'manager@pivor.dev', role: 'manager' },
  { id: 3, name: 'Sam Carter', email: 'user@pivor.dev', role: 'user' },
] as const;

export const demoPassword = 'password';

const roles = [
  { id: 1, name: 'admin', display: 'Administrator', description: 'Full access to all features and settings' },
  { id: 2, name: 'manager', display: 'Manager', description: 'Can view and manage all CRM data' },
  { id: 3, name: 'user', display: 'User', description: 'Can view and manage assigned records only' },
];

const seededAt = '2026-01-15 09:00:00';

export function seedUsers(db: Database): void {
  db.transaction(() => {
    for (const r of roles) {
      db.run('INSERT INTO roles (id, name, display_name, description, is_system, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)',
        [r.id, r.name, r.display, r.description, seededAt, seededAt]);
    }
    const hash = demoPasswordHash();
    for (const u of demoUsers) {
      // Pivor's seeder (and its user screens) set only the `role` column: role_id stays null.
      db.run('INSERT INTO users (id, name, email, password, role, role_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [u.id, u.name, u.email, hash, u.role, null, seededAt, seededAt]);
    }
  });
}
