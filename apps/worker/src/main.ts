import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@sigap/server/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** A Nest application context with no HTTP server: it only runs the queue workers. */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit('worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}

void bootstrap();
