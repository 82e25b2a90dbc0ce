import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Secrets are redacted by path in case a caller ever logs an object carrying one. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'hipwise' },
    redact: {
      paths: [
        'password',
        '*.password',
        'currentPassword',
        '*.currentPassword',
        'newPassword',
        '*.newPassword',
        'token',
        '*.token',
        'cookie',
        '*.cookie',
        'headers.cookie',
        'headers.authorization',
        'databaseUrl',
        '*.databaseUrl',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
