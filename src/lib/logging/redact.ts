const REDACTED = '[redacted]';

/** Shapes of secrets that must never be printed, even when we were never told their exact value. */
const SECRET_PATTERNS: RegExp[] = [
  // Discord bot tokens: base64 user id, timestamp, HMAC.
  /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}/g,
  // Passwords inside connection strings: scheme://user:password@host
  /(?<=[a-z][\w+.-]*:\/\/[^:/@\s]*:)[^@\s]+(?=@)/gi,
  // Bearer and Bot authorization headers.
  /(?<=\b(?:Bearer|Bot)\s)[\w.~+/=-]{8,}/g,
];

/**
 * Removes secrets from text. Known secret values (from config) are removed exactly; anything shaped
 * like a token or a connection-string password is removed too.
 */
export class Redactor {
  private readonly known = new Set<string>();

  public constructor(secrets: Iterable<string> = []) {
    this.add(secrets);
  }

  public add(secrets: Iterable<string>): void {
    for (const secret of secrets) if (secret && secret.length >= 4) this.known.add(secret);
  }

  public redact(text: string): string {
    let result = text;
    for (const secret of this.known) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    for (const pattern of SECRET_PATTERNS) result = result.replace(pattern, REDACTED);
    return result;
  }

  /** Deep-redacts strings inside plain data, for metadata and diagnostics. */
  public redactValue<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item)) as T;
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.redactValue(item)])) as T;
    }
    return value;
  }
}

/** The process-wide redactor: every log line passes through it. */
export const redactor = new Redactor();
