// Every route the sandbox answers: Pivor's routes/api.php (tokens, user, three apiResources) and the few
// web pages a browser lands on (/, /login, /up).
import { findToken } from './auth/tokens.ts';
import { toCurrentUser, type CurrentUser } from './auth/users.ts';
import * as records from './controllers/resource-controller.ts';
import { createTokenAction, currentUserAction, revokeTokenAction } from './controllers/token-controller.ts';
import type { Database } from './db/database.ts';
import { AuthenticationError } from './http/errors.ts';
import type { SandboxRequest } from './http/request.ts';
import { htmlReply, type Reply } from './http/reply.ts';
import type { Route } from './http/router.ts';
import type { PageLinksMode } from './resources/paginate.ts';
import type { RecordStore } from './resources/record-store.ts';
import { resourceConfigs } from './resources/resource-config.ts';
import { resourceNames } from '../shared/resources/index.ts';

export interface HandlerContext {
  db: Database;
  store: RecordStore;
  request: SandboxRequest;
  pageLinks: PageLinksMode;
}

export interface Handler {
  /** Behind auth:sanctum. */
  auth: boolean;
  /** An index: slowPageMs applies. */
  list?: boolean;
  run(ctx: HandlerContext, params: string[], auth: Authenticated | undefined): Reply;
}

export interface Authenticated {
  user: CurrentUser;
  tokenId: number;
}

/** auth:sanctum — the bearer token (up to a comma, as Request::bearerToken reads it) or an AuthenticationError. */
export function authenticate(db: Database, request: SandboxRequest): Authenticated {
  const header = String(request.headers.authorization ?? '');
  const at = header.toLowerCase().lastIndexOf('bearer ');
  const bearer = at === -1 ? '' : header.slice(at + 7).split(',')[0]!.trim();
  const token = bearer === '' ? undefined : findToken(db, bearer);
  if (!token) throw new AuthenticationError();
  return { user: toCurrentUser(db, token.user), tokenId: token.id };
}

const page = (title: string, body: string) =>
  htmlReply(200, `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>\n`);

export function buildRoutes(): Route<Handler>[] {
  const routes: Route<Handler>[] = [
    { methods: ['POST'], template: '/api/tokens/create', handler: { auth: false, run: (ctx) => createTokenAction(ctx.db, ctx.request) } },
    { methods: ['DELETE'], template: '/api/tokens/revoke', handler: { auth: true, run: (ctx, _p, auth) => revokeTokenAction(ctx.db, auth!.tokenId) } },
    { methods: ['GET'], template: '/api/user', handler: { auth: true, run: (_ctx, _p, auth) => currentUserAction(auth!.user) } },
  ];
  for (const name of resourceNames) {
    const config = resourceConfigs[name];
    const controller = (ctx: HandlerContext, auth: Authenticated | undefined): records.ControllerContext => ({
      store: ctx.store, user: auth!.user, request: ctx.request, pageLinks: ctx.pageLinks,
    });
    routes.push(
      { methods: ['GET'], template: `/api/${name}`, handler: { auth: true, list: true, run: (ctx, _p, auth) => records.index(config, controller(ctx, auth)) } },
      { methods: ['POST'], template: `/api/${name}`, handler: { auth: true, run: (ctx, _p, auth) => records.store(config, controller(ctx, auth)) } },
      { methods: ['GET'], template: `/api/${name}/{id}`, handler: { auth: true, run: (ctx, p, auth) => records.show(config, controller(ctx, auth), p[0]!) } },
      { methods: ['PUT', 'PATCH'], template: `/api/${name}/{id}`, handler: { auth: true, run: (ctx, p, auth) => records.update(config, controller(ctx, auth), p[0]!) } },
      { methods: ['DELETE'], template: `/api/${name}/{id}`, handler: { auth: true, run: (ctx, p, auth) => records.destroy(config, controller(ctx, auth), p[0]!) } },
    );
  }
  routes.push(
    { methods: ['GET'], template: '/up', handler: { auth: false, run: () => page('Pivor sandbox', '<p>Application up</p>') } },
    {
      methods: ['GET'],
      template: '/login',
      handler: {
        auth: false,
        run: () => page('Pivor sandbox — sign in', '<h1>Pivor sandbox</h1><p>This is a local stand-in for Pivor\'s API. Sign in with <code>POST /api/tokens/create</code> (email, password) and send <code>Accept: application/json</code>.</p>'),
      },
    },
    {
      methods: ['GET'],
      template: '/',
      handler: { auth: false, run: () => page('Pivor sandbox', '<h1>Pivor sandbox</h1><p>API under <code>/api</code>: tokens/create, user, clients, contacts, communications.</p>') },
    },
  );
  return routes;
}
