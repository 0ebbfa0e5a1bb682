import type { UploadedFile } from './context';
import type { Json } from './payloads';

export interface ParsedBody {
  /** The JSON body, or the parsed `payload_json` of a multipart body; undefined when there is none. */
  json: unknown;
  files: UploadedFile[];
}

/** Parses a request body the way Discord accepts them: JSON, or multipart with payload_json and files[n]. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { json: undefined, files: [] };
  const type = contentType ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: UploadedFile[] = [];
    let json: unknown;
    const fields: Json = {};
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') json = JSON.parse(value);
        else fields[field] = value;
        continue;
      }
      files.push({
        field,
        filename: value.name,
        contentType: value.type || 'application/octet-stream',
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    return { json: json ?? fields, files };
  }
  const text = raw.toString('utf8');
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { json: Object.fromEntries(new URLSearchParams(text)), files: [] };
  }
  try {
    return { json: JSON.parse(text), files: [] };
  } catch {
    throw new SyntaxError('The request body contains invalid JSON.');
  }
}
