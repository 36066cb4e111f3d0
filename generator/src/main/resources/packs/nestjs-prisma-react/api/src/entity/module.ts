import { Module } from '@nestjs/common';
import { {e.names.pascal}Controller } from './{e.names.kebab}.controller';
import { {e.names.pascal}Service } from './{e.names.kebab}.service';

@Module({
  controllers: [{e.names.pascal}Controller],
  providers: [{e.names.pascal}Service],
  exports: [{e.names.pascal}Service],
})
export class {e.names.pascal}Module {}
