// The controllers' validation rules, derived from the resource tables: required → required (create) or
// sometimes|required (update), anything else nullable; the type picks string/email/url/integer/numeric/
// boolean/date; max and min from the table; enum.api → in:…; id fields of references and owner fields →
// exists:<table>,id. Fields marked updateOnly (completed_at) are not validated, hence ignored, on create.
import type { FieldSpec, ResourceSpec } from '../../shared/resources/index.ts';
import { columnFields, referencedTable } from '../resources/references.ts';
import type { Rule, RuleSet } from './validator.ts';

export type WriteMode = 'create' | 'update';

export function fieldRules(resource: ResourceSpec, field: FieldSpec, mode: WriteMode): Rule[] {
  const name = field.apiName ?? field.key;
  const rules: Rule[] = field.required ? (mode === 'create' ? [{ name: 'required' }] : [{ name: 'sometimes' }, { name: 'required' }]) : [{ name: 'nullable' }];
  const table = referencedTable(resource, name);
  if (table) return [...rules, { name: 'exists', table }];
  switch (field.type) {
    case 'email':
      rules.push({ name: 'email' });
      break;
    case 'url':
      rules.push({ name: 'url' });
      break;
    case 'enum':
      rules.push({ name: 'in', values: field.enum?.api ?? [] });
      return rules;
    case 'boolean':
      rules.push({ name: 'boolean' });
      return rules;
    case 'datetime':
      rules.push({ name: 'date' });
      return rules;
    case 'integer':
      rules.push({ name: 'integer' });
      break;
    case 'decimal':
      rules.push({ name: 'numeric' });
      break;
    default:
      rules.push({ name: 'string' });
  }
  if (field.max !== undefined) rules.push({ name: 'max', value: field.max });
  if (field.min !== undefined) rules.push({ name: 'min', value: field.min });
  return rules;
}

/**
 * The order of the rules in Pivor's controllers (store and update list them alike; completed_at only in
 * update): the first failing field's message becomes the reply's `message`, so the order shows.
 */
const controllerOrder: Record<string, readonly string[]> = {
  clients: ['name', 'trading_name', 'registration_number', 'vat_number', 'type', 'status', 'email', 'phone', 'website', 'address_line_1', 'address_line_2', 'city', 'county', 'postcode', 'country', 'industry', 'employee_count', 'annual_revenue', 'notes'],
  contacts: ['first_name', 'last_name', 'email', 'phone', 'mobile', 'job_title', 'department', 'client_id', 'is_primary_contact', 'address_line_1', 'address_line_2', 'city', 'county', 'postcode', 'country', 'linkedin_url', 'status', 'notes'],
  communications: ['type', 'direction', 'subject', 'content', 'client_id', 'contact_id', 'due_at', 'completed_at', 'priority', 'status', 'assigned_to'],
};

function inControllerOrder(resource: ResourceSpec, names: string[]): string[] {
  const order = controllerOrder[resource.name] ?? [];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...names].sort((a, b) => rank(a) - rank(b));
}

const cache = new Map<string, RuleSet>();

export function resourceRules(resource: ResourceSpec, mode: WriteMode): RuleSet {
  const key = `${resource.name}:${mode}`;
  let rules = cache.get(key);
  if (!rules) {
    const fields = new Map(columnFields(resource).filter((f) => mode === 'update' || !f.updateOnly).map((f) => [f.apiName ?? f.key, f] as const));
    rules = new Map(inControllerOrder(resource, [...fields.keys()]).map((name) => [name, fieldRules(resource, fields.get(name)!, mode)] as const));
    cache.set(key, rules);
  }
  return rules;
}
