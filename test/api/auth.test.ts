// Signing in and out against the sandbox: tokens, the current user, and what a revoked token looks like.
import { describe, expect, it } from 'vitest';
import { clientFor, failure, signIn, useSandbox } from './with-sandbox.ts';

describe('tokens and the current user', () => {
  const sandbox = useSandbox('users');

  it('creates a token, then uses it for the current user', async () => {
    const client = clientFor(sandbox.current);
    const { token, user } = await client.createToken('admin@pivor.dev', 'password', 'vitest');
    expect(token).toMatch(/^\d+\|.+/);
    expect(user).toMatchObject({ email: 'admin@pivor.dev', role: 'admin' });
    expect(client.hasToken).toBe(true);
    await expect(client.currentUser()).resolves.toMatchObject({ id: user.id, email: 'admin@pivor.dev' });
  });

  it('says "Wrong email or password." for wrong credentials', async () => {
    const error = await failure(clientFor(sandbox.current).createToken('admin@pivor.dev', 'wrong', 'vitest'));
    expect(error.kind).toBe('validation');
    expect(error.status).toBe(422);
    expect(error.message).toBe('Wrong email or password.');
  });

  it('passes on the validation message when the email is missing', async () => {
    const error = await failure(clientFor(sandbox.current).createToken('', 'password', 'vitest'));
    expect(error.kind).toBe('validation');
    expect(error.message).toBe('The email field is required.');
    expect(error.fieldErrors).toHaveProperty('email');
  });

  it('revokes the token: the same token then gets 401 with a message to sign in again', async () => {
    const client = await signIn(sandbox.current, 'manager@pivor.dev');
    const { token } = await clientFor(sandbox.current).createToken('manager@pivor.dev', 'password', 'second');
    const second = clientFor(sandbox.current, { token });
    await second.revokeToken();
    expect(second.hasToken).toBe(false);

    const revoked = clientFor(sandbox.current, { token });
    const error = await failure(revoked.currentUser());
    expect(error.kind).toBe('unauthenticated');
    expect(error.status).toBe(401);
    expect(error.message).toBe('Your token was revoked or has expired: sign in again.');
    // Only that token went: the first sign-in still works.
    await expect(client.currentUser()).resolves.toMatchObject({ role: 'manager' });
  });

  it('answers 401 without a token', async () => {
    const error = await failure(clientFor(sandbox.current).listPage('clients'));
    expect(error.kind).toBe('unauthenticated');
  });

  it('accepts the base URL with /api and a trailing slash', async () => {
    const client = clientFor(sandbox.current, { baseUrl: `${sandbox.current.url}/api/` });
    await client.createToken('user@pivor.dev', 'password', 'vitest');
    await expect(client.currentUser()).resolves.toMatchObject({ role: 'user' });
  });
});

describe('an address that is not Pivor', () => {
  const sandbox = useSandbox('users');

  it("says so when Laravel has no such route (wrong sub-folder)", async () => {
    const client = clientFor(sandbox.current, { baseUrl: `${sandbox.current.url}/crm` });
    const error = await failure(client.createToken('admin@pivor.dev', 'password', 'vitest'));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toBe(`${sandbox.current.url} did not answer like a Pivor API (nothing at /tokens/create): check the URL.`);
  });
});
