import { type ILogger, LogLevel } from '@sapphire/framework';
import type winston from 'winston';
import { formatValues } from './logger';

const names: Partial<Record<LogLevel, string>> = {
  [LogLevel.Trace]: 'trace',
  [LogLevel.Debug]: 'debug',
  [LogLevel.Info]: 'info',
  [LogLevel.Warn]: 'warn',
  [LogLevel.Error]: 'error',
  [LogLevel.Fatal]: 'fatal',
};

/** Routes Sapphire's logger through winston, so every line gets the same format and redaction. */
export class SapphireLogger implements ILogger {
  public constructor(private readonly winston: () => winston.Logger) {}

  public has(level: LogLevel): boolean {
    const name = names[level];
    return name !== undefined && this.winston().isLevelEnabled(name);
  }

  public trace(...values: readonly unknown[]): void {
    this.write(LogLevel.Trace, ...values);
  }

  public debug(...values: readonly unknown[]): void {
    this.write(LogLevel.Debug, ...values);
  }

  public info(...values: readonly unknown[]): void {
    this.write(LogLevel.Info, ...values);
  }

  public warn(...values: readonly unknown[]): void {
    this.write(LogLevel.Warn, ...values);
  }

  public error(...values: readonly unknown[]): void {
    this.write(LogLevel.Error, ...values);
  }

  public fatal(...values: readonly unknown[]): void {
    this.write(LogLevel.Fatal, ...values);
  }

  public write(level: LogLevel, ...values: readonly unknown[]): void {
    const name = names[level];
    if (!name) return;
    this.winston().log(name, formatValues(values));
  }
}
