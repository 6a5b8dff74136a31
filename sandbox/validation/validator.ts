// A small Laravel validator: rules run in order per field, absent fields skip all but implicit rules
// (required), null skips the rest when the field is nullable, a failed `required` stops the field, and
// every other failure adds its message (so one field can carry two). Messages are Laravel 12's English.
import { isEmail, isUrl } from './format-checks.ts';
import { parsePhpDate } from './php-date.ts';
import { isBooleanLike, isInteger, isNumeric, phpString } from './php-values.ts';

export type Rule =
  | { name: 'required' | 'sometimes' | 'nullable' | 'string' | 'email' | 'url' | 'integer' | 'numeric' | 'boolean' | 'date' }
  | { name: 'max' | 'min'; value: number }
  | { name: 'in'; values: readonly string[] }
  | { name: 'exists'; table: string };

/** Field → rules, in the order of the controller's rules array (the order of the error messages). */
export type RuleSet = ReadonlyMap<string, readonly Rule[]>;

export interface ValidationContext {
  /** exists:table,id — whether a row with this id exists (soft-deleted rows count, as in Laravel). */
  exists(table: string, value: unknown): boolean;
}

export interface ValidationResult {
  validated: Record<string, unknown>;
  errors: Record<string, string[]>;
}

const numericRules = new Set(['numeric', 'integer']);

export function validate(input: Record<string, unknown>, rules: RuleSet, context: ValidationContext): ValidationResult {
  const validated: Record<string, unknown> = {};
  const errors: Record<string, string[]> = {};
  for (const [field, fieldRules] of rules) {
    const present = Object.prototype.hasOwnProperty.call(input, field);
    const value = present ? input[field] : undefined;
    if (fieldRules.some((r) => r.name === 'sometimes') && !present) continue;
    const nullable = fieldRules.some((r) => r.name === 'nullable');
    const numeric = fieldRules.some((r) => numericRules.has(r.name));
    const messages: string[] = [];
    for (const rule of fieldRules) {
      const implicit = rule.name === 'required';
      if (!present && !implicit) continue;
      if (!implicit && nullable && value === null) continue;
      if (passes(rule, value, numeric, context)) continue;
      messages.push(message(rule, field, value, numeric));
      if (implicit) break; // a missing value has nothing more to check
    }
    if (messages.length > 0) errors[field] = messages;
    else if (present) validated[field] = value;
  }
  return { validated, errors };
}

function passes(rule: Rule, value: unknown, numeric: boolean, context: ValidationContext): boolean {
  switch (rule.name) {
    case 'sometimes':
    case 'nullable':
      return true;
    case 'required':
      if (value === null || value === undefined) return false;
      if (typeof value === 'string') return value.trim() !== '';
      if (typeof value === 'object') return Object.keys(value).length > 0;
      return true;
    case 'string':
      return typeof value === 'string';
    case 'email':
      return isEmail(value);
    case 'url':
      return isUrl(value);
    case 'integer':
      return isInteger(value);
    case 'numeric':
      return isNumeric(value);
    case 'boolean':
      return isBooleanLike(value);
    case 'date':
      return parsePhpDate(value) !== undefined;
    case 'max':
      return size(value, numeric) <= rule.value;
    case 'min':
      return size(value, numeric) >= rule.value;
    case 'in': {
      const text = phpString(value);
      return text !== undefined && rule.values.includes(text);
    }
    case 'exists':
      return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && context.exists(rule.table, value);
  }
}

/** Validator::getSize: the number for numeric fields, the item count for arrays, else the length in characters. */
function size(value: unknown, numeric: boolean): number {
  if (numeric && isNumeric(value)) return Number(value);
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return [...(phpString(value) ?? '')].length;
}

function sizeKind(value: unknown, numeric: boolean): 'numeric' | 'array' | 'string' {
  if (numeric && isNumeric(value)) return 'numeric';
  if (value !== null && typeof value === 'object') return 'array';
  return 'string';
}

function message(rule: Rule, field: string, value: unknown, numeric: boolean): string {
  const attribute = field.replace(/_/g, ' ');
  switch (rule.name) {
    case 'required':
      return `The ${attribute} field is required.`;
    case 'string':
      return `The ${attribute} field must be a string.`;
    case 'email':
      return `The ${attribute} field must be a valid email address.`;
    case 'url':
      return `The ${attribute} field must be a valid URL.`;
    case 'integer':
      return `The ${attribute} field must be an integer.`;
    case 'numeric':
      return `The ${attribute} field must be a number.`;
    case 'boolean':
      return `The ${attribute} field must be true or false.`;
    case 'date':
      return `The ${attribute} field must be a valid date.`;
    case 'in':
    case 'exists':
      return `The selected ${attribute} is invalid.`;
    case 'max': {
      const kind = sizeKind(value, numeric);
      if (kind === 'numeric') return `The ${attribute} field must not be greater than ${rule.value}.`;
      if (kind === 'array') return `The ${attribute} field must not have more than ${rule.value} items.`;
      return `The ${attribute} field must not be greater than ${rule.value} characters.`;
    }
    case 'min': {
      const kind = sizeKind(value, numeric);
      if (kind === 'numeric') return `The ${attribute} field must be at least ${rule.value}.`;
      if (kind === 'array') return `The ${attribute} field must have at least ${rule.value} items.`;
      return `The ${attribute} field must be at least ${rule.value} characters.`;
    }
    default:
      return `The ${attribute} field is invalid.`;
  }
}
