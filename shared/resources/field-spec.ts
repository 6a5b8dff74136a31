// The shape of a resource table: every field Pivor Bridge knows, declared once as data.
// Mapping, validation, templates, export columns, sheet dropdowns and the sandbox's rules derive from it.

export type ResourceName = 'clients' | 'contacts' | 'communications';

export type FieldType =
  | 'id'        // the record's id: read-only, used for matching
  | 'text'
  | 'email'
  | 'url'
  | 'enum'
  | 'boolean'
  | 'datetime'
  | 'integer'
  | 'decimal'
  | 'country'   // ISO 3166 alpha-2 in the documented template; the API takes any string ≤ 100
  | 'reference' // a name that resolves to another record's id (client_name → client_id)
  | 'full-name' // a single name column that fills first_name and last_name
  | 'timestamp'; // updated_at: read-only, used for conflict checks

export interface EnumValues {
  /** Values Pivor's CSV formats allow (documented template and its export). */
  csv: readonly string[];
  /** Values the API's validation rule (`in:`) accepts. */
  api: readonly string[];
  /**
   * Values the default install's database (SQLite) accepts: a value the API accepts but the database refuses is a 500.
   * Some a MySQL or PostgreSQL install refuses besides: see refusedByStrictDatabases.
   */
  db: readonly string[];
  /** Other spellings seen in the wild, lower case → Pivor's spelling. */
  synonyms?: Readonly<Record<string, string>>;
  /**
   * CSV values the API cannot write but that equal the server's default on create:
   * they are left out of a create (with a notice) instead of refused.
   */
  omitOnCreate?: readonly string[];
  /**
   * Values the default install's database (SQLite) stores but a MySQL or PostgreSQL install's enum column
   * refuses, with a 500: sent like any other, and explained if the server fails on them.
   */
  refusedByStrictDatabases?: readonly string[];
}

export interface FieldSpec {
  /** Our key for the field (the API's write name where there is one). */
  key: string;
  /** Name in the API's write body; null for fields never written (id, updated_at, full-name). */
  apiName: string | null;
  /** Path in the API's read body (address.city); defaults to apiName ?? key. */
  readPath?: string;
  /** Human label, also matched by the header mapper. */
  label: string;
  /** The column name Pivor's own export and template write; null when Pivor's CSV has no such column. */
  csvName: string | null;
  /** Other header spellings seen in CRM and spreadsheet exports. */
  aliases: readonly string[];
  /** Spellings that fill the field only when no better column does (a company's domain for its website). */
  weakAliases?: readonly string[];
  type: FieldType;
  required?: boolean;
  max?: number;
  min?: number;
  enum?: EnumValues;
  /** Server default when the field is left out of a create. */
  default?: string | boolean;
  /** For reference fields: which resource the name points at, and the id field it fills. */
  reference?: { resource: ResourceName; idField: string };
  /** Accepted by the API on update only (ignored on create). */
  updateOnly?: boolean;
  /**
   * For booleans: at most one record per value of this other field (a reference) may be true;
   * Pivor keeps the last one written and turns the others off. Two such rows in a file earn a warning.
   */
  onlyOnePer?: string;
  /**
   * Pivor computes the record's initials from this field's first byte: a value starting with a character outside
   * ASCII is saved but breaks every API answer holding the record (see shared/validate/ascii-initial.ts).
   */
  asciiInitial?: boolean;
  /** Example value for templates. */
  example?: string;
}

export interface ResourceSpec {
  name: ResourceName;
  /** Singular noun for messages ("client"). */
  singular: string;
  /** Title for sheets and menus ("Clients"). */
  title: string;
  fields: readonly FieldSpec[];
  /** Keys of the fields Pivor's own export and template buttons write, in their order. */
  pivorColumns: readonly string[];
  /** Keys that may identify an existing record when the file has no id. */
  matchKeys: readonly string[];
  /** Fields a user-facing listing can filter on, and sort keys, as the API allows. */
  filters: readonly string[];
  sorts: readonly string[];
}
