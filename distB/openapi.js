"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildOpenApiDocument = buildOpenApiDocument;
const swagger_1 = require("@nestjs/swagger");
/**
 * The OpenAPI document of the app, as served at /api/docs-json and written
 * to openapi.json by `npm run openapi:write`: one function, so the two can
 * never differ. Call it once the global prefix is set (configureApp does).
 */
function buildOpenApiDocument(app) {
    const document = swagger_1.SwaggerModule.createDocument(app, new swagger_1.DocumentBuilder()
        .setTitle('Invite service')
        .setDescription("Invite codes and invite-only registration, wire-compatible with Zipline v3's /api/auth/invite.")
        .setVersion('1.0')
        .addBearerAuth()
        .build());
    return canonical(document, 'sorted');
}
/**
 * Object keys in alphabetical order, so that moving a decorator or a module
 * does not reorder the committed file. Two things keep the order they were
 * written in, because it means something to a reader: the fields of a
 * schema's `properties` (the order of the keys on the wire) and example
 * values.
 */
function canonical(value, order) {
    if (Array.isArray(value)) {
        return value.map((item) => canonical(item, order === 'as-written' ? order : 'sorted'));
    }
    if (typeof value !== 'object' || value === null)
        return value;
    const keys = Object.keys(value);
    if (order === 'sorted')
        keys.sort();
    return Object.fromEntries(keys.map((key) => [
        key,
        canonical(value[key], childOrder(order, key)),
    ]));
}
function childOrder(order, key) {
    if (order === 'as-written')
        return order;
    // Under `properties` every key is a field name, whatever it is called.
    if (order === 'properties')
        return 'sorted';
    if (key === 'properties')
        return 'properties';
    if (key === 'example' || key === 'examples')
        return 'as-written';
    return 'sorted';
}
//# sourceMappingURL=openapi.js.map