/** The contract's error bodies (API.md, "Errors"), shared by every spec. */
export const errorBody = (error: string, code: number): unknown =>
  expect.objectContaining({ error, code });

export const NOT_LOGGED_IN = errorBody('not logged in', 401);
export const NOT_AN_ADMINISTRATOR = errorBody('not an administrator', 403);
export const METHOD_NOT_ALLOWED = errorBody('method not allowed', 405);
export const NOT_FOUND = errorBody('not found', 404);
export const INVALID_JSON_BODY = errorBody('invalid json body', 400);
export const PAYLOAD_TOO_LARGE = errorBody('payload too large', 413);
export const TOO_MANY_REQUESTS = errorBody('too many requests', 429);
export const INTERNAL_SERVER_ERROR = errorBody('internal server error', 500);
export const DATABASE_UNAVAILABLE = errorBody('database unavailable', 503);
export const INVALID_CREDENTIALS = errorBody(
  'invalid username or password',
  401,
);
export const INVITES_DISABLED = errorBody('invites are disabled', 400);
export const INVALID_DATE = errorBody('invalid date', 400);
export const INVALID_COUNT = errorBody('invalid count', 400);
export const INVALID_MAX_USES = errorBody('invalid maxUses', 400);
export const NO_CODE = errorBody('no code', 400);
export const INVITE_NOT_FOUND = errorBody('invite not found', 404);
export const INVALID_INVITE_CODE = errorBody('invalid invite code', 400);
export const REGISTRATION_DISABLED = errorBody('registration is disabled', 400);
export const INVALID_USERNAME = errorBody('invalid username', 400);
export const INVALID_PASSWORD = errorBody('invalid password', 400);
export const USERNAME_TAKEN = errorBody('username already exists', 409);
export const INVALID_QUERY = errorBody('invalid query', 400);
export const INVALID_NOTE = errorBody('invalid note', 400);
export const LOOKUP_INVALID_CODE = errorBody('invalid invite code', 404);
