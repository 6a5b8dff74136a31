// Pivor's TokenController and the /api/user route: sign in with email and password for a Sanctum token,
// revoke the token in use, read the signed-in user.
import { verifyPassword } from '../auth/passwords.ts';
import { createToken, revokeToken } from '../auth/tokens.ts';
import { roleName, userModelJson, type CurrentUser } from '../auth/users.ts';
import type { Database } from '../db/database.ts';
import { ValidationError } from '../http/errors.ts';
import type { SandboxRequest } from '../http/request.ts';
import { jsonReply, type Reply } from '../http/reply.ts';
import { validate, type Rule } from '../validation/validator.ts';

const loginRules = new Map<string, Rule[]>([
  ['email', [{ name: 'required' }, { name: 'email' }]],
  ['password', [{ name: 'required' }]],
  ['device_name', [{ name: 'nullable' }, { name: 'string' }, { name: 'max', value: 255 }]],
]);

export function createTokenAction(db: Database, request: SandboxRequest): Reply {
  const { errors } = validate(request.input, loginRules, { exists: () => false });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const { email, password, device_name: deviceName } = request.input;
  const user = db.get('SELECT * FROM users WHERE email = ?', [String(email)]);
  if (!user || typeof user.password !== 'string' || !verifyPassword(String(password), user.password)) {
    throw new ValidationError({ email: ['The provided credentials are incorrect.'] });
  }
  const token = createToken(db, Number(user.id), typeof deviceName === 'string' ? deviceName : 'api-token');
  return jsonReply(200, { token, user: { id: user.id, name: user.name, email: user.email, role: roleName(db, user) } });
}

export function revokeTokenAction(db: Database, tokenId: number): Reply {
  revokeToken(db, tokenId);
  return jsonReply(200, { message: 'Token revoked successfully.' });
}

export function currentUserAction(user: CurrentUser): Reply {
  return jsonReply(200, userModelJson(user.row));
}
