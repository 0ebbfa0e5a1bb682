/** Milliseconds between the Unix epoch and the Discord epoch (2015-01-01T00:00:00Z). */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates Discord-style snowflakes: a millisecond timestamp since the Discord epoch in the top
 * 42 bits, then worker, process and increment bits. Ids are strictly increasing strings of 17 to 19
 * digits, so they sort by creation time like real ones.
 */
export class SnowflakeGenerator {
  private lastTimestamp = 0n;
  private increment = 0n;

  public constructor(
    private readonly workerId = 1n,
    private readonly processId = 0n,
  ) {}

  public next(): string {
    let timestamp = BigInt(Date.now()) - DISCORD_EPOCH;
    if (timestamp <= this.lastTimestamp) {
      timestamp = this.lastTimestamp;
      this.increment += 1n;
      if (this.increment > 0xfffn) {
        timestamp += 1n;
        this.increment = 0n;
      }
    } else {
      this.increment = 0n;
    }
    this.lastTimestamp = timestamp;
    const id = (timestamp << 22n) | (this.workerId << 17n) | (this.processId << 12n) | this.increment;
    return id.toString();
  }
}

/** The creation time encoded in a snowflake, as a Date. */
export function snowflakeDate(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}

/** Compares two snowflakes numerically (negative if a < b). */
export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when the value looks like a snowflake (17 to 20 digits). */
export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^\d{17,20}$/.test(value);
}
