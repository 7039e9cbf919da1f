"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.useJsonBodyParser = useJsonBodyParser;
const body_parser_1 = require("body-parser");
const domain_error_1 = require("../errors/domain-error");
/** body-parser's error `type`s, in the contract's words. */
const TRANSLATIONS = {
    'entity.parse.failed': () => new domain_error_1.UnreadableBodyError('invalid', 'invalid json body'),
    'entity.verify.failed': () => new domain_error_1.UnreadableBodyError('invalid', 'invalid json body'),
    'request.size.invalid': () => new domain_error_1.UnreadableBodyError('invalid', 'invalid json body'),
    'request.aborted': () => new domain_error_1.UnreadableBodyError('invalid', 'request aborted'),
    'entity.too.large': () => new domain_error_1.UnreadableBodyError('payload-too-large', 'payload too large'),
    'encoding.unsupported': () => new domain_error_1.UnreadableBodyError('unsupported-media-type', 'unsupported content encoding'),
    'charset.unsupported': () => new domain_error_1.UnreadableBodyError('unsupported-media-type', 'unsupported charset'),
};
/**
 * Request bodies are read by body-parser's JSON reader, whatever their
 * Content-Type, in place of Fastify's own parsers: it inflates gzip, deflate
 * and br bodies, checks the charset and the size limit, and parses strictly
 * (objects and arrays only), which is what docs/api.md describes. A body of
 * another media type is left unread, as if absent; its errors become the
 * contract's `invalid json body` / `payload too large` / 415 answers.
 */
function useJsonBodyParser(fastify, options) {
    const parse = (0, body_parser_1.json)({ limit: options.limit, strict: true });
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', (request, _payload, done) => {
        const raw = request.raw;
        parse(raw, undefined, (error) => {
            if (error)
                done(translate(error), undefined);
            else
                done(null, raw.body);
        });
    });
}
function translate(error) {
    const type = typeof error === 'object' && error !== null && 'type' in error
        ? String(error.type)
        : '';
    const translation = TRANSLATIONS[type] ?? translateByStatus(error);
    if (translation)
        return translation();
    return error instanceof Error ? error : new Error(String(error));
}
/**
 * Errors body-parser raises without a known `type` but with a 4xx status,
 * such as a gzip body that does not inflate: still the client's fault.
 */
function translateByStatus(error) {
    const status = typeof error === 'object' && error !== null && 'status' in error
        ? Number(error.status)
        : NaN;
    if (!(status >= 400 && status < 500))
        return undefined;
    if (status === 413)
        return TRANSLATIONS['entity.too.large'];
    if (status === 415)
        return TRANSLATIONS['encoding.unsupported'];
    return () => new domain_error_1.UnreadableBodyError('invalid', 'invalid json body');
}
//# sourceMappingURL=json-body-parser.js.map