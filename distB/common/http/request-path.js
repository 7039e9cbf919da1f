"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pathOf = pathOf;
/** The path of a request target, without its query string (which may carry secrets). */
function pathOf(url) {
    const query = url.indexOf('?');
    return query === -1 ? url : url.slice(0, query);
}
//# sourceMappingURL=request-path.js.map