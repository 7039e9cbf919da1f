"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RouteTable = exports.API_PREFIX = void 0;
const common_1 = require("@nestjs/common");
const constants_1 = require("@nestjs/common/constants");
const core_1 = require("@nestjs/core");
exports.API_PREFIX = 'api';
/**
 * Which methods each route path answers, collected from the controllers once
 * at start-up. When the router finds no handler, the exception filter asks
 * this table whether the path exists with another method (405) or not at all
 * (404) — Express alone cannot tell the two apart.
 */
let RouteTable = class RouteTable {
    discovery;
    scanner;
    methodsByPath = new Map();
    constructor(discovery, scanner) {
        this.discovery = discovery;
        this.scanner = scanner;
    }
    onApplicationBootstrap() {
        for (const wrapper of this.discovery.getControllers()) {
            const instance = wrapper.instance;
            const metatype = wrapper.metatype;
            if (!instance || !metatype)
                continue;
            const prototype = Object.getPrototypeOf(instance);
            const controllerPaths = toArray(Reflect.getMetadata(constants_1.PATH_METADATA, metatype));
            for (const name of this.scanner.getAllMethodNames(prototype)) {
                const handler = prototype[name];
                const method = Reflect.getMetadata(constants_1.METHOD_METADATA, handler);
                if (method === undefined)
                    continue;
                const handlerPaths = toArray(Reflect.getMetadata(constants_1.PATH_METADATA, handler));
                for (const controllerPath of controllerPaths) {
                    for (const handlerPath of handlerPaths) {
                        this.add(joinPath(exports.API_PREFIX, controllerPath, handlerPath), method);
                    }
                }
            }
        }
    }
    /** The methods the path answers, or undefined when no route has this path. */
    allowedMethods(path) {
        const methods = this.methodsByPath.get(normalize(path));
        return methods ? [...methods].sort() : undefined;
    }
    add(path, method) {
        const methods = this.methodsByPath.get(path) ?? new Set();
        const name = common_1.RequestMethod[method];
        if (name === 'ALL')
            return; // an @All() route never leaves a method unanswered
        methods.add(name);
        if (name === 'GET')
            methods.add('HEAD');
        this.methodsByPath.set(path, methods);
    }
};
exports.RouteTable = RouteTable;
exports.RouteTable = RouteTable = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.DiscoveryService,
        core_1.MetadataScanner])
], RouteTable);
function toArray(value) {
    if (Array.isArray(value))
        return value.map(String);
    return [typeof value === 'string' ? value : ''];
}
function joinPath(...parts) {
    return normalize(parts.join('/'));
}
function normalize(path) {
    const trimmed = path.split('?')[0].replace(/\/+/g, '/').replace(/\/$/, '');
    return (trimmed.startsWith('/') ? trimmed : `/${trimmed}`).toLowerCase();
}
//# sourceMappingURL=route-table.js.map