import type { EntityManager } from '@mikro-orm/core';
import { secretBox } from 'mellow';
import type { TwitterApi } from 'twitter-api-v2';
import { TwitterAccount } from '../entities/TwitterAccount';
import { TwitterConnectRequest } from '../entities/TwitterConnectRequest';
import type { PostAccount } from '../entities/TwitterPost';
import { twitterConfig } from './config';
import { type AccessTokens, createXClient } from './x/client';
import { XFailure, callX } from './x/failure';

/** The columns holding sealed values. */
export const SEALED = {
  token: 'twitter_account.access_token',
  secret: 'twitter_account.access_secret',
  requestSecret: 'twitter_connect_request.request_secret',
} as const;

/**
 * Contexts bind each sealed value to its column and its row (the guild), so a value copied to
 * another column or another guild's row does not open.
 */
export const sealContext = (column: string, guildId: string) => `${column}:${guildId}`;

const seal = (value: string, column: string, guildId: string) => secretBox().seal(value, sealContext(column, guildId));

/** Opens a sealed value; values sealed before contexts named the row (column only) still open. */
function open(value: string, column: string, guildId: string): string {
  try {
    return secretBox().open(value, sealContext(column, guildId));
  } catch (error) {
    try {
      return secretBox().open(value, column);
    } catch {
      throw error;
    }
  }
}

/** An account ready to call X with. */
export interface XAccount {
  kind: PostAccount;
  client: TwitterApi;
  /** The X user id, needed for the timeline; known for guild accounts, looked up for the bot's. */
  userId: () => Promise<string>;
  /** `@handle` when known without asking X. */
  username: string | null;
}

const CONNECT_TTL_MS = 15 * 60_000;

function appKeys() {
  const { app } = twitterConfig();
  if (!app) throw new XFailure('not-configured');
  return app;
}

export function clientFor(tokens: AccessTokens | null): TwitterApi {
  const { apiUrl, timeoutMs } = twitterConfig();
  return createXClient(appKeys(), tokens, { apiUrl, timeoutMs });
}

let botUserId: Promise<string> | null = null;

function botAccount(): XAccount {
  const { botTokens } = twitterConfig();
  if (!botTokens) throw new XFailure('not-configured');
  const client = clientFor(botTokens);
  return {
    kind: 'bot',
    client,
    username: null,
    userId: () => {
      botUserId ??= callX(() => client.v2.me()).then(({ data }) => data.id);
      return botUserId.catch((error: unknown) => {
        botUserId = null;
        throw error;
      });
    },
  };
}

export function isBotAccountConfigured(): boolean {
  const { app, botTokens } = twitterConfig();
  return Boolean(app && botTokens);
}

export async function guildAccount(em: EntityManager, guildId: string): Promise<TwitterAccount | null> {
  return em.findOne(TwitterAccount, { guildId });
}

/** The account a post goes out with. Throws an XFailure when it is not set up. */
export async function resolveAccount(em: EntityManager, kind: PostAccount, guildId: string): Promise<XAccount> {
  if (kind === 'bot') return botAccount();
  const account = await guildAccount(em, guildId);
  if (!account) throw new XFailure('not-connected');
  const client = clientFor({
    token: open(account.accessToken, SEALED.token, guildId),
    secret: open(account.accessSecret, SEALED.secret, guildId),
  });
  return { kind, client, username: account.username, userId: async () => account.xUserId };
}

/** Step one of the PIN flow: a request token, and the link where the admin authorizes the app. */
export async function startConnect(em: EntityManager, guildId: string, userId: string): Promise<string> {
  const link = await callX(() => clientFor(null).generateAuthLink('oob', { linkMode: 'authorize' }));
  await em.upsert(TwitterConnectRequest, {
    guildId,
    userId,
    requestToken: link.oauth_token,
    requestSecret: seal(link.oauth_token_secret, SEALED.requestSecret, guildId),
    expiresAt: new Date(Date.now() + CONNECT_TTL_MS),
  });
  return link.url;
}

export type ConnectResult = { ok: true; username: string } | { ok: false; reason: 'no-request' | 'bad-pin' };

/** Step two: trade the PIN for the account's tokens, and store them sealed. */
export async function finishConnect(
  em: EntityManager,
  guildId: string,
  userId: string,
  pin: string,
): Promise<ConnectResult> {
  const request = await em.findOne(TwitterConnectRequest, { guildId, userId });
  if (!request || request.expiresAt < new Date()) return { ok: false, reason: 'no-request' };
  const client = clientFor({
    token: request.requestToken,
    secret: open(request.requestSecret, SEALED.requestSecret, guildId),
  });
  let login;
  try {
    login = await callX(() => client.login(pin));
  } catch (error) {
    if (error instanceof XFailure && (error.kind === 'unauthorized' || error.kind === 'rejected')) {
      return { ok: false, reason: 'bad-pin' };
    }
    throw error;
  }
  await em.upsert(TwitterAccount, {
    guildId,
    xUserId: login.userId,
    username: login.screenName,
    accessToken: seal(login.accessToken, SEALED.token, guildId),
    accessSecret: seal(login.accessSecret, SEALED.secret, guildId),
    connectedBy: userId,
    connectedAt: new Date(),
  });
  await em.nativeDelete(TwitterConnectRequest, { guildId });
  return { ok: true, username: login.screenName };
}

export async function disconnect(em: EntityManager, guildId: string): Promise<string | null> {
  const account = await guildAccount(em, guildId);
  await em.nativeDelete(TwitterConnectRequest, { guildId });
  if (!account) return null;
  await em.nativeDelete(TwitterAccount, { guildId });
  return account.username;
}

/**
 * Seals again, with the current key and the row's context, every value sealed with an older key
 * or with the older column-only context.
 */
export async function resealSecrets(em: EntityManager): Promise<number> {
  const box = secretBox();
  const reseal = (value: string, column: string, guildId: string) => {
    if (!box.isStale(value)) {
      try {
        box.open(value, sealContext(column, guildId));
        return value;
      } catch {
        // sealed under the column-only context: seal it again below
      }
    }
    return seal(open(value, column, guildId), column, guildId);
  };
  let changed = 0;
  for (const account of await em.find(TwitterAccount, {})) {
    const token = reseal(account.accessToken, SEALED.token, account.guildId);
    const secret = reseal(account.accessSecret, SEALED.secret, account.guildId);
    if (token !== account.accessToken || secret !== account.accessSecret) changed++;
    Object.assign(account, { accessToken: token, accessSecret: secret });
  }
  for (const request of await em.find(TwitterConnectRequest, {})) {
    const secret = reseal(request.requestSecret, SEALED.requestSecret, request.guildId);
    if (secret !== request.requestSecret) changed++;
    request.requestSecret = secret;
  }
  await em.flush();
  return changed;
}
