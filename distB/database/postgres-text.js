"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isStorableText = isStorableText;
/**
 * PostgreSQL text cannot hold the NUL character: a parameter containing one
 * is an error (SQLSTATE 22021), not a non-match. Lookups by user input check
 * this first, so such input simply matches nothing.
 */
function isStorableText(value) {
    return !value.includes('\u0000');
}
//# sourceMappingURL=postgres-text.js.map