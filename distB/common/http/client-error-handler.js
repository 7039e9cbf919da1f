"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.answerClientErrorAsJson = answerClientErrorAsJson;
/**
 * Fastify's `clientErrorHandler`. Requests Node's HTTP parser rejects before
 * Fastify sees them (headers over 16 kB, such as an oversized token;
 * malformed request lines) would get Fastify's own body or a bare status
 * line. Answer them in the contract's JSON shape.
 */
function answerClientErrorAsJson(error, socket) {
    if (!socket.writable) {
        socket.destroy();
        return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
    const body = JSON.stringify({
        error: tooLarge ? 'request header fields too large' : 'bad request',
        code: status,
    });
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
//# sourceMappingURL=client-error-handler.js.map