import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp, warnAboutUnfilledGaps } from './setup';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  configureApp(app);
  warnAboutUnfilledGaps();
  await app.listen(Number(process.env.PORT ?? 3000));
}

void bootstrap();
