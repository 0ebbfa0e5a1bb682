/** A 32-byte key written as 64 hex digits or as base64. */
export function parseKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const decoded = Buffer.from(trimmed, 'base64');
  return decoded.length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? decoded : null;
}
