// Pivor's ClientController, ContactController and CommunicationController in one: index, store, show,
// update and destroy, with the visibility check (403), validation (422), owner assignment on create,
// partial updates and the primary-contact hook.
import type { CurrentUser } from '../auth/users.ts';
import { canViewAllRecords } from '../auth/users.ts';
import type { Row } from '../db/database.ts';
import { HttpError, ValidationError } from '../http/errors.ts';
import type { SandboxRequest } from '../http/request.ts';
import { jsonReply, type Reply } from '../http/reply.ts';
import { listQuery } from '../resources/list-query.ts';
import { currentPage, pageOffset, pageSize, paginatedJson, type PageLinksMode } from '../resources/paginate.ts';
import type { RecordStore } from '../resources/record-store.ts';
import type { ResourceConfig } from '../resources/resource-config.ts';
import { referencedTable } from '../resources/references.ts';
import { clientJson, communicationJson, contactJson, type Attributes } from '../resources/serialize.ts';
import { toDbDateTime } from '../validation/php-date.ts';
import { isNumeric, toBool, toDecimal2, toInt, truthy } from '../validation/php-values.ts';
import { resourceRules, type WriteMode } from '../validation/resource-rules.ts';
import { validate } from '../validation/validator.ts';

export interface ControllerContext {
  store: RecordStore;
  user: CurrentUser;
  request: SandboxRequest;
  pageLinks: PageLinksMode;
}

type Loaded = Record<string, Attributes | Attributes[] | null>;

function toJson(config: ResourceConfig, attributes: Attributes, relations: Loaded = {}): Record<string, unknown> {
  switch (config.name) {
    case 'clients':
      return clientJson(attributes, relations as Parameters<typeof clientJson>[1]);
    case 'contacts':
      return contactJson(attributes, relations as Parameters<typeof contactJson>[1]);
    case 'communications':
      return communicationJson(attributes, relations as Parameters<typeof communicationJson>[1]);
  }
}

/** Route-model binding: a live row, or the 404 Laravel renders for ModelNotFoundException. */
function findOr404(config: ResourceConfig, ctx: ControllerContext, id: string): Row {
  const row = ctx.store.find(config.name, id);
  if (!row) throw new HttpError(404, `No query results for model [${config.modelClass}] ${id}`);
  return row;
}

function authorize(config: ResourceConfig, user: CurrentUser, row: Row): void {
  if (canViewAllRecords(user) || config.ownerColumns.some((c) => row[c] === user.id)) return;
  throw new HttpError(403, `You do not have access to this ${config.spec.singular}.`);
}

function validated(config: ResourceConfig, ctx: ControllerContext, mode: WriteMode): Record<string, unknown> {
  const result = validate(ctx.request.input, resourceRules(config.spec, mode), {
    exists: (table, value) => ctx.store.exists(table, value),
  });
  if (Object.keys(result.errors).length > 0) throw new ValidationError(result.errors);
  // The datetime cast normalizes dates as they are set; every other value stays as sent.
  const values = { ...result.validated };
  for (const field of config.spec.fields) {
    if (field.type === 'datetime' && field.apiName && values[field.apiName] != null) values[field.apiName] = toDbDateTime(values[field.apiName]);
  }
  return values;
}

export function index(config: ResourceConfig, ctx: ControllerContext): Reply {
  const { where, params, orderBy } = listQuery(config, ctx.user, ctx.request.query);
  const size = pageSize(ctx.request.input.per_page);
  const page = currentPage(ctx.request.input.page);
  const total = ctx.store.count(config.name, where, params);
  const rows = total > 0 ? ctx.store.page(config.name, where, params, orderBy, size.limit, pageOffset(page, size)) : [];
  const clients = config.listRelations.includes('client') ? ctx.store.findMany('clients', rows.map((r) => r.client_id)) : undefined;
  const contacts = config.listRelations.includes('contact') ? ctx.store.findMany('contacts', rows.map((r) => r.contact_id)) : undefined;
  const data = rows.map((row) => {
    const relations: Loaded = {};
    if (clients) relations.client = clients.get(Number(row.client_id)) ?? null;
    if (contacts) relations.contact = contacts.get(Number(row.contact_id)) ?? null;
    return toJson(config, row, relations);
  });
  const path = `${ctx.request.origin}${ctx.request.path}`;
  return jsonReply(200, paginatedJson(data, total, page, size, { path, query: ctx.request.query, mode: ctx.pageLinks }));
}

export function store(config: ResourceConfig, ctx: ControllerContext): Reply {
  const attributes = validated(config, ctx, 'create');
  if (config.name === 'communications') {
    attributes.created_by = ctx.user.id;
    attributes.assigned_to = attributes.assigned_to ?? ctx.user.id;
  } else {
    // Clients and contacts always belong to their creator; an assigned_to in the body is not even validated.
    attributes.assigned_to = ctx.user.id;
  }
  if (config.name === 'contacts' && truthy(attributes.is_primary_contact) && truthy(attributes.client_id)) {
    ctx.store.demotePrimaryContacts(attributes.client_id, 0);
  }
  const model = ctx.store.insert(config.name, attributes);
  return jsonReply(201, { message: `${config.title} created successfully.`, data: toJson(config, model) });
}

export function show(config: ResourceConfig, ctx: ControllerContext, id: string): Reply {
  const row = findOr404(config, ctx, id);
  authorize(config, ctx.user, row);
  const { store } = ctx;
  const one = (table: string, key: unknown) => (key === null ? null : (store.find(table, Number(key)) ?? null));
  let relations: Loaded;
  switch (config.name) {
    case 'clients':
      relations = { contacts: store.children('contacts', 'client_id', row.id), communications: store.children('communications', 'client_id', row.id) };
      break;
    case 'contacts':
      relations = { client: one('clients', row.client_id), communications: store.children('communications', 'contact_id', row.id, '"created_at" DESC, "id" DESC') };
      break;
    case 'communications':
      relations = {
        client: one('clients', row.client_id),
        contact: one('contacts', row.contact_id),
        createdBy: row.created_by === null ? null : (store.user(row.created_by) ?? null),
        assignedUser: row.assigned_to === null ? null : (store.user(row.assigned_to) ?? null),
      };
      break;
  }
  return jsonReply(200, { data: toJson(config, row, relations) });
}

export function update(config: ResourceConfig, ctx: ControllerContext, id: string): Reply {
  const row = findOr404(config, ctx, id);
  authorize(config, ctx.user, row);
  const changes = validated(config, ctx, 'update');
  const model: Record<string, unknown> = { ...row, ...changes };
  const dirty: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (!equivalent(config, key, row[key], value)) dirty[key] = value;
  }
  // The saving hook runs on every save, dirty or not.
  if (config.name === 'contacts' && truthy(model.is_primary_contact) && truthy(model.client_id)) {
    ctx.store.demotePrimaryContacts(model.client_id, Number(row.id));
  }
  if (Object.keys(dirty).length > 0) model.updated_at = ctx.store.update(config.name, row.id, dirty);
  return jsonReply(200, { message: `${config.title} updated successfully.`, data: toJson(config, model) });
}

export function destroy(config: ResourceConfig, ctx: ControllerContext, id: string): Reply {
  const row = findOr404(config, ctx, id);
  authorize(config, ctx.user, row);
  ctx.store.softDelete(config.name, row.id);
  return jsonReply(200, { message: `${config.title} deleted successfully.` });
}

/** Model::originalIsEquivalent: unchanged values are not written and do not bump updated_at. */
function equivalent(config: ResourceConfig, key: string, original: unknown, value: unknown): boolean {
  if (original === value) return true;
  if (value === null || original === null || original === undefined) return false;
  const field = config.spec.fields.find((f) => f.apiName === key && f.type !== 'reference');
  if (field?.type === 'boolean') return toBool(original) === toBool(value);
  // Only plain integers carry the integer cast; id columns compare as numeric strings below.
  if (field?.type === 'integer' && !referencedTable(config.spec, key)) return toInt(original) === toInt(value);
  if (field?.type === 'decimal') return toDecimal2(original) === toDecimal2(value);
  return isNumeric(original) && isNumeric(value) && String(original) === String(value);
}
