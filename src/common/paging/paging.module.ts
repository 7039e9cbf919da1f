import { Module } from '@nestjs/common';
import { PageAnswers } from './page-answers';

@Module({ providers: [PageAnswers], exports: [PageAnswers] })
export class PagingModule {}
