import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { INGEST_LIMITS } from '@sigap/contracts';
import { bodyParserErrorHandler, loadConfigOrExit, sigapValidationPipe } from '@sigap/server/core';
import { json } from 'express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit('api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(json({ limit: INGEST_LIMITS.maxBodyBytes }), bodyParserErrorHandler);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(sigapValidationPipe());
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  if (config.swagger) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Sigap API')
        .setDescription('Ingest, triage and live inbox for government social media')
        .setVersion('1')
        .addBearerAuth()
        .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'ingest-key')
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document);
  }
  await app.listen(config.port);
}

void bootstrap();
