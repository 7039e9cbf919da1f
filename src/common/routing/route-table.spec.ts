import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { RouteTable } from './route-table';

@Controller('auth/invite')
class ExampleController {
  @Get()
  list(): void {}

  @Post()
  create(): void {}

  @Get(':id')
  one(): void {}

  @Patch(':id')
  edit(): void {}

  @Post(':id/revoke')
  revoke(): void {}

  @Delete(':id')
  remove(): void {}
}

describe('RouteTable', () => {
  let routes: RouteTable;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      controllers: [ExampleController],
      providers: [RouteTable],
    }).compile();
    await moduleRef.init();
    routes = moduleRef.get(RouteTable);
  });

  it('lists the methods of a fixed path, HEAD with GET', () => {
    expect(routes.allowedMethods('/api/auth/invite')).toEqual([
      'GET',
      'HEAD',
      'POST',
    ]);
  });

  it('matches parameters as any one segment', () => {
    expect(routes.allowedMethods('/api/auth/invite/42')).toEqual([
      'DELETE',
      'GET',
      'HEAD',
      'PATCH',
    ]);
    expect(routes.allowedMethods('/api/auth/invite/abc/revoke')).toEqual([
      'POST',
    ]);
  });

  it('ignores letter case, trailing slashes and the query string', () => {
    expect(routes.allowedMethods('/API/Auth/Invite/?code=x')).toEqual([
      'GET',
      'HEAD',
      'POST',
    ]);
  });

  it('knows no path that no route has', () => {
    expect(routes.allowedMethods('/api/auth/invites')).toBeUndefined();
    expect(routes.allowedMethods('/api/auth/invite/1/2')).toBeUndefined();
    expect(routes.allowedMethods('/api')).toBeUndefined();
  });

  it('matches no route with an empty segment, where a path segment or an id would be', () => {
    expect(routes.allowedMethods('/api//auth/invite')).toBeUndefined();
    expect(routes.allowedMethods('//api/auth/invite')).toBeUndefined();
    expect(routes.allowedMethods('/api/auth/invite//revoke')).toBeUndefined();
  });

  it('names the template of the route that answers a method and path', () => {
    expect(routes.templateOf('PATCH', '/API/auth/invite/42/')).toBe(
      '/api/auth/invite/:id',
    );
    expect(routes.templateOf('HEAD', '/api/auth/invite')).toBe(
      '/api/auth/invite',
    );
    expect(routes.templateOf('PUT', '/api/auth/invite/42')).toBeUndefined();
    expect(routes.templateOf('GET', '/api/auth/invites')).toBeUndefined();
  });

  it("knows Swagger's pages, which no controller declares", () => {
    for (const page of ['/api/docs', '/api/docs-json', '/api/docs-yaml']) {
      expect(routes.allowedMethods(page)).toEqual(['GET', 'HEAD']);
      expect(routes.templateOf('GET', page.toUpperCase())).toBe(page);
    }
    // Its files, under one template as Fastify's static route names them.
    expect(routes.templateOf('GET', '/api/docs/swagger-ui.css')).toBe(
      '/api/docs/*',
    );
    expect(routes.templateOf('POST', '/api/docs/swagger-ui.css')).toBe(
      undefined,
    );
    expect(routes.allowedMethods('/api/docs/swagger-ui.css')).toBeUndefined();
  });
});
