/** A Discord API error: an HTTP status plus the JSON error body Discord would send. */
export class ApiError extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: number,
    message: string,
    public readonly errors?: Record<string, unknown>,
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  public toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { message: this.message, code: this.code };
    if (this.errors) body.errors = this.errors;
    return body;
  }
}

/** One field error in a 50035 "Invalid Form Body" response. */
export interface FieldError {
  /** Path of the field, e.g. `['embeds', 0, 'title']`. */
  path: (string | number)[];
  code: string;
  message: string;
}

/** Builds the nested `errors` object Discord returns with code 50035. */
export function invalidFormBody(fieldErrors: FieldError[]): ApiError {
  const errors: Record<string, unknown> = {};
  for (const { path, code, message } of fieldErrors) {
    let node = errors;
    for (const key of path) {
      const name = String(key);
      node[name] ??= {};
      node = node[name] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as unknown[];
    list.push({ code, message });
  }
  return new ApiError(400, 50035, 'Invalid Form Body', errors);
}

export const Errors = {
  unauthorized: () => new ApiError(401, 0, '401: Unauthorized'),
  notFound: () => new ApiError(404, 0, '404: Not Found'),
  unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new ApiError(404, 10004, 'Unknown Guild'),
  unknownInvite: () => new ApiError(404, 10006, 'Unknown Invite'),
  unknownMember: () => new ApiError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
  unknownRole: () => new ApiError(404, 10011, 'Unknown Role'),
  unknownUser: () => new ApiError(404, 10013, 'Unknown User'),
  unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  unknownApplication: () => new ApiError(404, 10002, 'Unknown Application'),
  unknownCommand: () => new ApiError(404, 10063, 'Unknown application command'),
  unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
  emptyMessage: () => new ApiError(400, 50006, 'Cannot send an empty message'),
  cannotEditOthers: () => new ApiError(403, 50005, 'Cannot edit a message authored by another user'),
  cannotMessageUser: () => new ApiError(403, 50007, 'Cannot send messages to this user'),
  missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
  missingPermissions: () => new ApiError(403, 50013, 'Missing Permissions'),
  alreadyAcknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
  invalidCallbackType: () => new ApiError(400, 50035, 'Invalid Form Body', { type: { _errors: [] } }),
  maxGlobalCommands: () => new ApiError(400, 30032, 'Maximum number of application commands reached (100)'),
  maxDailyCreates: () =>
    new ApiError(400, 30034, 'Max number of daily application command creates has been reached (200)'),
};
