import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { type RateLimitSummary, exhaustedReset, summarizeRateLimit } from './rateLimit';

export type FailureKind =
  | 'unauthorized'
  | 'read-only'
  | 'not-enrolled'
  | 'duplicate'
  | 'forbidden'
  | 'rate-limited'
  | 'daily-cap'
  | 'interval'
  | 'timeout'
  | 'unreachable'
  | 'x-error'
  | 'rejected'
  | 'not-configured'
  | 'not-connected'
  | 'blocked'
  | 'unverified';

/**
 * What to do after a failure: `never` retry, retry `later` (at `retryAt`), or `check-first`
 * (X may have made the post: look at the account's timeline before sending it again).
 */
export type RetryRule = 'never' | 'later' | 'check-first';

interface Diagnosis {
  title: string;
  fix: string;
  retry: RetryRule;
  /** What the failure's detail is: X's words by default. */
  detailLabel?: string;
}

/** Every failure, with what it means and how to fix it. Shown by /twitter status and /twitter test. */
export const diagnoses: Record<FailureKind, Diagnosis> = {
  unauthorized: {
    title: 'X rejected the keys (401 Unauthorized)',
    fix: 'The API key, API secret or access tokens are wrong or were revoked. For the bot-wide account, the bot owner checks TWITTER_API_KEY, TWITTER_API_SECRET, TWITTER_ACCESS_TOKEN and TWITTER_ACCESS_SECRET; for this server’s account, an admin runs `/twitter connect` again.',
    retry: 'never',
  },
  'read-only': {
    title: 'The X app can only read (403 oauth1-permissions)',
    fix: 'In the X developer portal, set the app’s permissions to **Read and write**, then regenerate the access token and secret (old tokens keep the old permissions) and update them, or run `/twitter connect` again.',
    retry: 'never',
  },
  'not-enrolled': {
    title: 'The X app is not attached to a Project (403 client-not-enrolled)',
    fix: 'In the X developer portal, create a Project and attach the app to it, then use that app’s keys. API v2 refuses apps outside a Project.',
    retry: 'never',
  },
  duplicate: {
    title: 'X refused a duplicate post (403)',
    fix: 'The account already posted exactly this text recently. Change the wording and post it again.',
    retry: 'never',
  },
  forbidden: {
    title: 'X refused the post (403 Forbidden)',
    fix: 'Read X’s reason below; the account may be locked or the text against X’s rules.',
    retry: 'never',
  },
  'rate-limited': {
    title: 'X’s rate limit is used up (429 Too Many Requests)',
    fix: 'Posts wait until X’s limit resets; queued posts go out then by themselves.',
    retry: 'later',
  },
  'daily-cap': {
    title: 'The daily cap for this account is reached',
    fix: 'Posts wait until the oldest post of the last 24 hours ages out. An admin can change the cap with `/twitter settings daily-cap`.',
    retry: 'later',
  },
  interval: {
    title: 'Too soon after the last post',
    fix: 'The minimum time between posts has not passed yet. An admin can change it with `/twitter settings min-interval`.',
    retry: 'later',
  },
  timeout: {
    title: 'X did not answer in time',
    fix: 'X may still have made the post, so before trying again the bot looks for it on the account.',
    retry: 'check-first',
  },
  unreachable: {
    title: 'X could not be reached',
    fix: 'A network problem between the bot and X (or TWITTER_API_URL is wrong). It is retried later.',
    retry: 'later',
  },
  'x-error': {
    title: 'X had an internal error',
    fix: 'This is on X’s side. It is retried later, after checking whether the post went out anyway.',
    retry: 'check-first',
  },
  rejected: {
    title: 'X rejected the request',
    fix: 'Read X’s reason below and change the post.',
    retry: 'never',
  },
  'not-configured': {
    title: 'No bot-wide X account is configured',
    fix: 'The bot owner sets TWITTER_API_KEY, TWITTER_API_SECRET, TWITTER_ACCESS_TOKEN and TWITTER_ACCESS_SECRET.',
    retry: 'never',
  },
  'not-connected': {
    title: 'This server has no X account connected',
    fix: 'An admin connects one with `/twitter connect`.',
    retry: 'never',
  },
  blocked: {
    title: 'The post contains a term this server blocks',
    fix: 'The term was blocked after the post was written, so it was stopped before reaching X. Write it again without that term.',
    retry: 'never',
    detailLabel: 'Blocked term',
  },
  unverified: {
    title: 'Could not check whether X already made the post',
    fix: 'An earlier attempt timed out, and X would not show the account’s recent posts (API access levels without timeline reads refuse this). The bot tries the check again later rather than risk a double post; if it keeps failing, look at the account on X and post again only if it is missing.',
    retry: 'check-first',
    detailLabel: 'The check failed with',
  },
};

/**
 * A failure of X (or of our own limits), safe to show and log: it never carries the request, its
 * headers or any token, unlike the library's errors.
 */
export class XFailure extends Error {
  public constructor(
    public readonly kind: FailureKind,
    /** X's own words (its problem `detail`), when it gave any. */
    public readonly detail: string | null = null,
    /** When trying again makes sense (rate limits). */
    public readonly retryAt: Date | null = null,
    public readonly status: number | null = null,
    public readonly rateLimit: RateLimitSummary | null = null,
  ) {
    super(`${diagnoses[kind].title}${detail ? `: ${detail}` : ''}`);
    this.name = 'XFailure';
  }

  public get retry(): RetryRule {
    return diagnoses[this.kind].retry;
  }
}

const DUPLICATE = /duplicate content/i;

/** Turns anything twitter-api-v2 throws into an XFailure; other errors pass through. */
export function toFailure(error: unknown): unknown {
  if (error instanceof XFailure) return error;
  if (error instanceof ApiResponseError) return fromResponse(error);
  if (error instanceof ApiRequestError) {
    const code = (error.requestError as NodeJS.ErrnoException | undefined)?.code;
    // Refused or unresolved: the request never reached X, so it is safe to simply send it again.
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new XFailure('unreachable');
    return new XFailure('timeout');
  }
  if (error instanceof ApiPartialResponseError) return new XFailure('timeout');
  return error;
}

function fromResponse(error: ApiResponseError): XFailure {
  const data = (error.data ?? {}) as { detail?: unknown; title?: unknown; type?: unknown; reason?: unknown };
  const detail = typeof data.detail === 'string' ? data.detail.slice(0, 300) : null;
  const type = typeof data.type === 'string' ? data.type : '';
  const rateLimit = error.rateLimit ? summarizeRateLimit(error.rateLimit) : null;
  const failure = (kind: FailureKind, retryAt: Date | null = null) =>
    new XFailure(kind, detail, retryAt, error.code, rateLimit);
  if (error.code === 401) return failure('unauthorized');
  if (error.code === 403) {
    if (type.endsWith('/oauth1-permissions')) return failure('read-only');
    if (data.reason === 'client-not-enrolled' || type.endsWith('/client-forbidden')) return failure('not-enrolled');
    if (detail && DUPLICATE.test(detail)) return failure('duplicate');
    return failure('forbidden');
  }
  if (error.code === 429) {
    const reset = error.rateLimit ? exhaustedReset(error.rateLimit) : null;
    return failure('rate-limited', reset ?? new Date(Date.now() + 15 * 60_000));
  }
  if (error.code >= 500) return failure('x-error');
  return failure('rejected');
}

/** Runs a call to X, turning the library's errors into XFailures. */
export async function callX<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toFailure(error);
  }
}
