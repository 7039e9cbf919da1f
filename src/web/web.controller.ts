import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/decorators/public.decorator';
import { AssetNotFoundError } from './web.errors';
import { OutsideApiPrefix } from '../common/routing/route-table';
import { WebAssets, WebFile } from './web-assets';
import { WebFileInterceptor } from './web-file.interceptor';

/** Paths outside the /api prefix; app.setup.ts excludes exactly these. */
export const WEB_ROUTES = ['/', 'invite/:code', 'assets/:file'] as const;

/**
 * The administrators' console and the invitee's page (web/), served from
 * memory. The pages call the public API themselves; the code in
 * /invite/:code is read by the page, never by the server.
 */
@ApiExcludeController()
@Public()
@OutsideApiPrefix()
@Controller()
@UseInterceptors(WebFileInterceptor)
export class WebController {
  constructor(private readonly web: WebAssets) {}

  @Get(WEB_ROUTES[0])
  console(): WebFile {
    return this.web.page('console');
  }

  @Get(WEB_ROUTES[1])
  invite(): WebFile {
    return this.web.page('invite');
  }

  @Get(WEB_ROUTES[2])
  asset(@Param('file') file: string): WebFile {
    const asset = this.web.asset(file);
    if (!asset) throw new AssetNotFoundError();
    return asset;
  }
}
