import 'reflect-metadata';
import { writeFileSync } from 'fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './setup';

/** `npm run openapi` (after a build): writes openapi.json without connecting to the database. */
async function writeOpenApi(): Promise<void> {
  const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
  const document = configureApp(app);
  writeFileSync('openapi.json', JSON.stringify(document, null, 2) + '\n');
  await app.close();
}

void writeOpenApi();
