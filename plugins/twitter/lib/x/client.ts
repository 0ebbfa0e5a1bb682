import { Agent } from 'node:http';
import { type ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';

export interface AppKeys {
  key: string;
  secret: string;
}

export interface AccessTokens {
  token: string;
  secret: string;
}

export interface ClientOptions {
  /** Where X's API is (a proxy, or the fake X in tests); requests to api.x.com go there. */
  apiUrl: string;
  timeoutMs: number;
}

const X_HOSTS = /^(api|upload)\.(x|twitter)\.com$/;

/**
 * Points every request at `apiUrl` and gives it our timeout. (`cloneWithPrefix()` can't do this:
 * it is broken in twitter-api-v2 1.29.) The address is changed in `onBeforeRequest`, after the
 * library signed the request for api.x.com: a proxy forwards it there, and X checks the OAuth 1.0a
 * signature against its own address. OAuth endpoints answer form-encoded; the library only
 * recognises that on api.x.com, so it is told explicitly.
 */
function redirect({ apiUrl, timeoutMs }: ClientOptions): ITwitterApiClientPlugin {
  const base = new URL(apiUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return {
    onBeforeRequestConfig({ params }) {
      params.timeout = timeoutMs;
      if (new URL(params.url).pathname.startsWith('/oauth/')) params.forceParseMode = 'url';
    },
    onBeforeRequest({ computedParams: { url } }) {
      if (!X_HOSTS.test(url.hostname)) return;
      url.protocol = base.protocol;
      url.host = base.host;
      url.pathname = `${prefix}${url.pathname}`;
    },
  };
}

const plainHttpAgent = new Agent({ keepAlive: true });

/** A twitter-api-v2 client for the app, optionally acting as one user (OAuth 1.0a). */
export function createXClient(app: AppKeys, tokens: AccessTokens | null, options: ClientOptions): TwitterApi {
  const settings = {
    plugins: [redirect(options)],
    ...(options.apiUrl.startsWith('http://') ? { httpAgent: plainHttpAgent } : {}),
  };
  return new TwitterApi(
    {
      appKey: app.key,
      appSecret: app.secret,
      ...(tokens ? { accessToken: tokens.token, accessSecret: tokens.secret } : {}),
    },
    settings,
  );
}
