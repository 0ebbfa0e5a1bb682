import { inspect } from 'node:util';
import winston from 'winston';
import { redactor } from './redact';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
const levels = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };

/** Turns Errors in a log call into their stacks, and scrubs secrets from everything. */
const scrub = winston.format((info) => {
  const fields = info as Record<string, unknown>;
  if (info.stack && typeof info.stack === 'string' && !String(info.message).includes(info.stack)) {
    info.message = `${String(info.message)}\n${info.stack}`;
    delete fields.stack;
  }
  info.message = redactor.redact(typeof info.message === 'string' ? info.message : inspect(info.message, { depth: 4 }));
  for (const key of Object.keys(fields)) {
    if (key === 'message' || key === 'level') continue;
    const value = fields[key];
    fields[key] = value instanceof Error ? redactor.redact(value.stack ?? value.message) : redactor.redactValue(value);
  }
  return info;
});

/** Formats log arguments the way console.log would, for loggers that take many values. */
export function formatValues(values: readonly unknown[]): string {
  return values
    .map((value) =>
      typeof value === 'string'
        ? value
        : value instanceof Error
          ? (value.stack ?? value.message)
          : inspect(value, { depth: 4 }),
    )
    .join(' ');
}

export function createLogger(level: LogLevel, format: 'pretty' | 'json'): winston.Logger {
  const output =
    format === 'json'
      ? winston.format.json()
      : winston.format.combine(
          winston.format.colorize({ colors: { fatal: 'red', trace: 'gray' } }),
          winston.format.printf((info) => {
            const { timestamp, level: lvl, message, ...meta } = info;
            const fields = Object.fromEntries(Object.keys(meta).map((key) => [key, meta[key]]));
            const extra =
              Object.keys(fields).length > 0 ? ` ${inspect(fields, { depth: 3, breakLength: Infinity })}` : '';
            return `${String(timestamp)} ${lvl} ${String(message)}${extra}`;
          }),
        );
  return winston.createLogger({
    levels,
    level,
    format: winston.format.combine(scrub(), winston.format.timestamp(), output),
    transports: [new winston.transports.Console({ stderrLevels: ['fatal', 'error'] })],
  });
}

/** The process logger. Replaced at startup once the config is known. */
export let logger: winston.Logger = createLogger('info', process.env.NODE_ENV === 'production' ? 'json' : 'pretty');

export function setLogger(next: winston.Logger): void {
  logger = next;
}
