import { Module } from '@nestjs/common';
import { WebAssets } from './web-assets';
import { WebController } from './web.controller';
import { WebFileInterceptor } from './web-file.interceptor';

@Module({
  controllers: [WebController],
  providers: [WebAssets, WebFileInterceptor],
})
export class WebModule {}
