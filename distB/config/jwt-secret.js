"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readOrCreateJwtSecret = readOrCreateJwtSecret;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const SECRET_FILE = 'jwt-secret';
/**
 * Outside production the JWT secret may be left unset: one is generated into
 * DATA_DIR on first start and read back afterwards, so tokens survive a
 * restart. The file is created exclusively (`wx`) so two instances starting
 * together cannot end up with different secrets.
 */
function readOrCreateJwtSecret(dataDir) {
    const path = (0, node_path_1.join)(dataDir, SECRET_FILE);
    (0, node_fs_1.mkdirSync)(dataDir, { recursive: true });
    try {
        (0, node_fs_1.writeFileSync)(path, (0, node_crypto_1.randomBytes)(48).toString('base64url'), {
            flag: 'wx',
            mode: 0o600,
        });
    }
    catch (error) {
        if (error.code !== 'EEXIST')
            throw error;
    }
    return (0, node_fs_1.readFileSync)(path, 'utf8').trim();
}
//# sourceMappingURL=jwt-secret.js.map