import { Global, Module } from '@nestjs/common';
import { FieldCipher } from './field-cipher';
import { PrismaService } from './prisma.service';
import { TenantDb } from './tenant-db';

@Global()
@Module({
  providers: [PrismaService, TenantDb, FieldCipher],
  exports: [PrismaService, TenantDb, FieldCipher],
})
export class DbModule {}
