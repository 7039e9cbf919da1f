"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseDuration = parseDuration;
const ms_1 = __importDefault(require("ms"));
/**
 * A duration such as `30min`, `1.5h`, `2 hours` or `1 day`, in milliseconds,
 * or null when the text is not one. Units are required: a bare `5` is too
 * ambiguous (seconds? days?) for something that decides when an invite dies.
 * Parsing is delegated to `ms`, which knows ms, s, m/min, h, d, w, y and
 * their long forms, case-insensitively.
 */
function parseDuration(text) {
    const trimmed = text.trim();
    if (!/^\d*\.?\d+\s*[a-z]+$/i.test(trimmed))
        return null;
    const millis = (0, ms_1.default)(trimmed);
    if (typeof millis !== 'number' || !Number.isFinite(millis) || millis <= 0) {
        return null;
    }
    return millis;
}
//# sourceMappingURL=duration.js.map