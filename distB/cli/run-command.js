"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.generatePassword = generatePassword;
exports.runCommand = runCommand;
const node_crypto_1 = require("node:crypto");
/** 16 random bytes: 128 bits, 22 characters that survive copy and paste. */
function generatePassword() {
    return (0, node_crypto_1.randomBytes)(16).toString('base64url');
}
/**
 * Carries out one database command through UsersService, so the CLI obeys
 * exactly the rules the API does (hashing, case-insensitive uniqueness).
 * Domain errors (UsernameTakenError, UserNotFoundError) are left to the caller.
 */
async function runCommand(command, users, io) {
    switch (command.name) {
        case 'create-user': {
            const password = command.password ?? io.generatePassword();
            const user = await users.create({
                username: command.username,
                password,
                administrator: command.administrator,
            });
            io.print(`Created ${user.administrator ? 'the administrator' : 'the user'} "${user.username}".`);
            if (command.password === undefined)
                printGenerated(io, password);
            return;
        }
        case 'set-password': {
            const password = command.password ?? io.generatePassword();
            const user = await users.setPassword(command.username, password);
            io.print(`Changed the password of "${user.username}".`);
            if (command.password === undefined)
                printGenerated(io, password);
            return;
        }
        case 'set-administrator': {
            const user = await users.setAdministrator(command.username, command.administrator);
            io.print(user.administrator
                ? `"${user.username}" is now an administrator.`
                : `"${user.username}" is no longer an administrator.`);
            return;
        }
    }
}
/** Printed only when generated: a password the operator typed is not echoed back. */
function printGenerated(io, password) {
    io.print(`Generated password (shown only once): ${password}`);
}
//# sourceMappingURL=run-command.js.map