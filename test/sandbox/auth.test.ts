// Contract: sign-in, tokens, /api/user, 401 and the redirect to /login (pivor-api.md, "Transport and authentication").
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, useSandbox } from './http.ts';

const t = useSandbox();

describe('POST /api/tokens/create', () => {
  it('returns a Sanctum token <id>|<secret> and the user with its role', async () => {
    const reply = await call(t.url, 'POST', '/api/tokens/create', { body: { email: 'manager@pivor.dev', password: 'password', device_name: 'tests' } });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toEqual({ id: 2, name: 'Morgan Reyes', email: 'manager@pivor.dev', role: 'manager' });
    const [id, secret] = String(reply.body.token).split('|');
    expect(id).toMatch(/^\d+$/);
    // Sanctum 4: 40 random characters and their crc32b.
    expect(secret).toMatch(/^[A-Za-z0-9]{40}[0-9a-f]{8}$/);
    const [row] = t.sandbox.query('SELECT * FROM personal_access_tokens WHERE id = ?', [Number(id)]);
    expect(row).toMatchObject({ tokenable_id: 2, name: 'tests', token: createHash('sha256').update(secret!).digest('hex') });
  });

  it('names the token api-token when no device name is given', async () => {
    await t.login('admin');
    expect(t.sandbox.query('SELECT name FROM personal_access_tokens')).toEqual([{ name: 'api-token' }]);
  });

  it('answers wrong credentials with 422 on the email field', async () => {
    const reply = await call(t.url, 'POST', '/api/tokens/create', { body: { email: 'admin@pivor.dev', password: 'wrong' } });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({ message: 'The provided credentials are incorrect.', errors: { email: ['The provided credentials are incorrect.'] } });
    const unknown = await call(t.url, 'POST', '/api/tokens/create', { body: { email: 'nobody@pivor.dev', password: 'password' } });
    expect(unknown.body.message).toBe('The provided credentials are incorrect.');
  });

  it('validates email and password before checking them', async () => {
    const missing = await call(t.url, 'POST', '/api/tokens/create', { body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({
      message: 'The email field is required. (and 1 more error)',
      errors: { email: ['The email field is required.'], password: ['The password field is required.'] },
    });
    const invalid = await call(t.url, 'POST', '/api/tokens/create', { body: { email: 'admin', password: 'password' } });
    expect(invalid.body).toEqual({ message: 'The email field must be a valid email address.', errors: { email: ['The email field must be a valid email address.'] } });
  });

  it('accepts a form-encoded body too', async () => {
    const reply = await call(t.url, 'POST', '/api/tokens/create', {
      body: 'email=user%40pivor.dev&password=password',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.user.role).toBe('user');
  });
});

describe('bearer authentication', () => {
  it('answers a missing or bad token with 401 Unauthenticated. when JSON is accepted', async () => {
    expect(await call(t.url, 'GET', '/api/clients')).toMatchObject({ status: 401, body: { message: 'Unauthenticated.' } });
    expect(await call(t.url, 'GET', '/api/clients', { token: '1|nope' })).toMatchObject({ status: 401, body: { message: 'Unauthenticated.' } });
    const token = await t.login('admin');
    const [id] = token.split('|');
    expect((await call(t.url, 'GET', '/api/clients', { token: `${id}|${'x'.repeat(48)}` })).status).toBe(401);
  });

  it('redirects an unauthenticated request without Accept: application/json to /login', async () => {
    const reply = await call(t.url, 'GET', '/api/clients', { json: false });
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe(`${t.url}/login`);
  });

  it('accepts the token on every protected route, and it never expires', async () => {
    const token = await t.login('admin');
    for (const path of ['/api/user', '/api/clients', '/api/contacts', '/api/communications']) {
      expect((await call(t.url, 'GET', path, { token })).status).toBe(200);
    }
    const [row] = t.sandbox.query('SELECT expires_at, last_used_at FROM personal_access_tokens');
    expect(row!.expires_at).toBeNull();
    expect(row!.last_used_at).not.toBeNull();
  });
});

describe('DELETE /api/tokens/revoke', () => {
  it('revokes the token in use: the next call with it is 401, other tokens still work', async () => {
    const first = await t.login('admin');
    const second = await t.login('admin');
    const reply = await call(t.url, 'DELETE', '/api/tokens/revoke', { token: first });
    expect(reply).toMatchObject({ status: 200, body: { message: 'Token revoked successfully.' } });
    expect((await call(t.url, 'GET', '/api/user', { token: first })).status).toBe(401);
    expect((await call(t.url, 'GET', '/api/user', { token: second })).status).toBe(200);
  });
});

describe('GET /api/user', () => {
  it('returns the raw user row without password or remember_token', async () => {
    const reply = await t.as('user').get('/api/user');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      id: 3,
      name: 'Sam Carter',
      email: 'user@pivor.dev',
      email_verified_at: null,
      created_at: '2026-01-15T09:00:00.000000Z',
      updated_at: '2026-01-15T09:00:00.000000Z',
      role: 'user',
      role_id: null, // Pivor's seeder sets the role column only
    });
  });
});

describe('routing', () => {
  it('answers an unknown route and a wrong method in JSON', async () => {
    const token = await t.login('admin');
    expect(await call(t.url, 'GET', '/api/nothing', { token })).toMatchObject({ status: 404, body: { message: 'The route api/nothing could not be found.' } });
    const wrong = await call(t.url, 'DELETE', '/api/clients', { token });
    expect(wrong.status).toBe(405);
    expect(wrong.body.message).toBe('The DELETE method is not supported for route api/clients. Supported methods: GET, HEAD, POST.');
  });

  it('answers a CORS preflight for api paths with 204 and open origins', async () => {
    const response = await fetch(`${t.url}/api/clients`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });
});
