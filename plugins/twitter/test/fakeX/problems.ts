/** Error bodies exactly as X's API v2 sends them (problem JSON), for the fake X API. */
export interface Problem {
  status: number;
  body: Record<string, unknown>;
}

export const problems = {
  unauthorized: (): Problem => ({
    status: 401,
    body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
  }),
  oauth1Permissions: (): Problem => ({
    status: 403,
    body: {
      title: 'Forbidden',
      type: 'https://api.twitter.com/2/problems/oauth1-permissions',
      status: 403,
      detail: 'Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.',
    },
  }),
  clientNotEnrolled: (): Problem => ({
    status: 403,
    body: {
      client_id: '2904123',
      detail:
        'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
      registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
      title: 'Client Forbidden',
      required_enrollment: 'Appropriate Level of API Access',
      reason: 'client-not-enrolled',
      type: 'https://api.twitter.com/2/problems/client-forbidden',
    },
  }),
  duplicate: (): Problem => ({
    status: 403,
    body: {
      detail: 'You are not allowed to create a Tweet with duplicate content.',
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
    },
  }),
  tooManyRequests: (): Problem => ({
    status: 429,
    body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
  }),
  serviceUnavailable: (): Problem => ({
    status: 503,
    body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 },
  }),
};

export type ProblemName = keyof typeof problems;
