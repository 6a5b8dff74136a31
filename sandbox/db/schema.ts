// The database schema of Pivor's tables as Laravel creates them on SQLite (Pivor's default deployment).
// Resource columns, their NOT NULL, defaults and enum CHECK constraints come from the resource tables
// (enum.db is what the database accepts), so a value the API accepts but the database refuses fails here.
import { resourceNames, getResource } from '../../shared/resources/index.ts';
import type { FieldSpec, ResourceSpec } from '../../shared/resources/index.ts';
import { columnFields, referencedTable } from '../resources/references.ts';

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

function columnSql(resource: ResourceSpec, field: FieldSpec): string {
  const name = field.apiName ?? field.key;
  const notNull = field.required ? ' not null' : '';
  switch (field.type) {
    case 'enum': {
      // Laravel's enum on SQLite: varchar + check; Pivor's enum columns are never nullable. Pivor's migration
      // that adds email fields to communications makes Laravel rebuild that table on SQLite, without its
      // checks: there any type, direction, priority or status the API lets through is stored (priority medium).
      const values = (field.enum?.db ?? []).map(quote).join(', ');
      const fallback = field.default === undefined ? '' : ` default ${quote(String(field.default))}`;
      const check = resource.name === 'communications' ? '' : ` check ("${name}" in (${values}))`;
      return `"${name}" varchar${check} not null${fallback}`;
    }
    case 'boolean':
      return `"${name}" tinyint(1) not null default ${field.default === true ? 1 : 0}`;
    case 'integer': {
      const table = referencedTable(resource, name);
      return table ? `"${name}" integer references "${table}" ("id") on delete set null` : `"${name}" integer${notNull}`;
    }
    case 'decimal':
      return `"${name}" numeric${notNull}`;
    case 'datetime':
      return `"${name}" datetime${notNull}`;
    default:
      return `"${name}" varchar${notNull}`;
  }
}

/** Columns every Pivor record table has besides its fields: owner, creator, timestamps, soft delete. */
function extraColumns(resource: ResourceSpec, fieldColumns: Set<string>): { name: string; sql: string }[] {
  const userColumn = (name: string) => ({ name, sql: `"${name}" integer references "users" ("id") on delete set null` });
  const extra = resource.name === 'communications' ? [userColumn('created_by')] : [];
  if (!fieldColumns.has('assigned_to')) extra.push(userColumn('assigned_to'));
  return extra;
}

function resourceTableSql(resource: ResourceSpec): string {
  const fields = columnFields(resource);
  const names = new Set(fields.map((f) => f.apiName ?? f.key));
  const extra = extraColumns(resource, names);
  const columns = [
    '"id" integer primary key autoincrement not null',
    '"uuid" varchar not null',
    ...fields.map((f) => columnSql(resource, f)),
    ...extra.map((e) => e.sql),
    '"created_at" datetime',
    '"updated_at" datetime',
    '"deleted_at" datetime',
  ];
  for (const e of extra) names.add(e.name);
  names.add('created_at').add('deleted_at');
  const table = resource.name;
  // Indexes of Pivor's migrations, plus deleted_at which every query filters on.
  const indexed = ['assigned_to', 'created_by', 'client_id', 'contact_id', 'status', 'type', 'created_at', 'due_at', 'email', 'deleted_at'].filter((c) => names.has(c));
  return [
    `create table "${table}" (${columns.join(', ')});`,
    `create unique index "${table}_uuid_unique" on "${table}" ("uuid");`,
    ...indexed.map((c) => `create index "${table}_${c}_index" on "${table}" ("${c}");`),
  ].join('\n');
}

const coreTables = `
create table "roles" ("id" integer primary key autoincrement not null, "name" varchar not null, "display_name" varchar not null,
  "description" varchar, "is_system" tinyint(1) not null default 0, "created_at" datetime, "updated_at" datetime);
create unique index "roles_name_unique" on "roles" ("name");
create table "users" ("id" integer primary key autoincrement not null, "name" varchar not null, "email" varchar not null,
  "email_verified_at" datetime, "password" varchar not null, "remember_token" varchar, "created_at" datetime, "updated_at" datetime,
  "role" varchar check ("role" in ('admin', 'manager', 'user')) not null default 'user',
  "role_id" integer references "roles" ("id") on delete set null);
create unique index "users_email_unique" on "users" ("email");
create table "personal_access_tokens" ("id" integer primary key autoincrement not null, "tokenable_type" varchar not null,
  "tokenable_id" integer not null, "name" text not null, "token" varchar not null, "abilities" text, "last_used_at" datetime,
  "expires_at" datetime, "created_at" datetime, "updated_at" datetime);
create index "personal_access_tokens_tokenable_type_tokenable_id_index" on "personal_access_tokens" ("tokenable_type", "tokenable_id");
create unique index "personal_access_tokens_token_unique" on "personal_access_tokens" ("token");
`;

/** The whole schema, in dependency order (users before the records that point at them). */
export function schemaSql(): string {
  return [coreTables, ...resourceNames.map((name) => resourceTableSql(getResource(name)))].join('\n');
}
