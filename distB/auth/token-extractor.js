"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.extractToken = extractToken;
const BEARER = /^Bearer\s+(\S+)$/i;
/** Three base64url segments: what a bare JWT looks like. */
const BARE_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/**
 * The token from `Authorization: Bearer <jwt>`, or from a bare
 * `Authorization: <jwt>` as Zipline clients send it. Never from the query
 * string or a cookie: URLs end up in logs and cookies invite CSRF.
 */
function extractToken(request) {
    const header = request.headers.authorization?.trim();
    if (!header)
        return null;
    const bearer = BEARER.exec(header);
    if (bearer)
        return bearer[1];
    return BARE_JWT.test(header) ? header : null;
}
//# sourceMappingURL=token-extractor.js.map