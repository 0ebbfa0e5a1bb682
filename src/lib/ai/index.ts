/**
 * Optional AI text generation for plugins, through any OpenAI-compatible chat-completions endpoint.
 *
 * The whole API:
 * - `aiConfigShape`: zod fields to spread into a plugin's config schema (`AI_BASE_URL`, `AI_API_KEY`,
 *   `AI_MODEL`, `AI_TIMEOUT_MS` default 8000). AI is off unless the first three are set.
 * - `aiSettings(config)`: the settings from a parsed config, or null when AI is not configured.
 * - `chatCompletion(settings, messages, options)`: the reply text, or **null** on any failure
 *   (not configured, network error, non-2xx, timeout, malformed body, empty answer). It never throws,
 *   so callers always keep a curated fallback: AI may improve an answer but never decide whether
 *   there is one.
 * - `chatCompletionJson(settings, messages, schema, options)`: the reply parsed as JSON and
 *   validated by a zod schema (code fences tolerated), or null.
 *
 * Only send what the user gave for this purpose; never log prompts, answers or the key.
 */
import { z } from 'zod';
import { logger } from '../logging/logger';

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const aiConfigShape = {
  AI_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, for example https://api.openai.com/v1' }).optional(),
  ),
  AI_API_KEY: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  AI_MODEL: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  AI_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(8000),
};

export interface AiConfig {
  AI_BASE_URL?: string;
  AI_API_KEY?: string;
  AI_MODEL?: string;
  AI_TIMEOUT_MS: number;
}

export interface AiSettings {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatOptions {
  maxTokens?: number;
  temperature?: number;
}

export function aiSettings(config: AiConfig): AiSettings | null {
  if (!config.AI_BASE_URL || !config.AI_API_KEY || !config.AI_MODEL) return null;
  return {
    baseUrl: config.AI_BASE_URL.replace(/\/+$/, ''),
    apiKey: config.AI_API_KEY,
    model: config.AI_MODEL,
    timeoutMs: config.AI_TIMEOUT_MS,
  };
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().trim().min(1) }) })).min(1),
});

export async function chatCompletion(
  settings: AiSettings | null,
  messages: ChatMessage[],
  { maxTokens = 300, temperature = 0.7 }: ChatOptions = {},
): Promise<string | null> {
  if (!settings) return null;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    const response = await fetch(`${settings.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.apiKey}` },
      body: JSON.stringify({ model: settings.model, messages, max_tokens: maxTokens, temperature }),
      signal: controller.signal,
    });
    if (!response.ok) {
      logger.debug(`AI endpoint answered HTTP ${response.status}; using the fallback`);
      return null;
    }
    // The body is read under the same timeout: a server that stalls mid-body is as slow as one that never answers.
    const parsed = completionSchema.safeParse(await response.json());
    if (!parsed.success) {
      logger.debug('AI endpoint answered an unexpected shape; using the fallback');
      return null;
    }
    return parsed.data.choices[0]!.message.content;
  } catch (error) {
    const reason = controller.signal.aborted ? `no answer within ${settings.timeoutMs} ms` : (error as Error).name;
    logger.debug(`AI request failed (${reason}); using the fallback`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Models often wrap JSON in a Markdown fence; take what is inside. */
const unfence = (text: string) => text.replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');

export async function chatCompletionJson<T>(
  settings: AiSettings | null,
  messages: ChatMessage[],
  schema: z.ZodType<T>,
  options?: ChatOptions,
): Promise<T | null> {
  const text = await chatCompletion(settings, messages, options);
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(unfence(text.trim())));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: same as any other malformed answer.
  }
  logger.debug('AI answer did not match the expected JSON; using the fallback');
  return null;
}
