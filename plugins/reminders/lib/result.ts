/** A service answer: a value, or what to tell the user (a title and what to do next). */
export type Result<T> = { ok: true; value: T } | { ok: false; title: string; description: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(title: string, description: string): Result<T> => ({ ok: false, title, description });
