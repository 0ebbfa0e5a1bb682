import type { UploadedFile } from './context';
import type { Json } from './payloads';
import type { AttachmentRecord, EmulatorState } from './state';

/** Message attachments: built from uploads, served for download, and loose ATTACHMENT-option files. */
export class AttachmentStore {
  /** Files given as ATTACHMENT command options: not part of any message, but downloadable. */
  private readonly looseFiles = new Map<string, { channelId: string; attachment: AttachmentRecord }>();

  public constructor(
    private readonly state: EmulatorState,
    private readonly baseUrl: string,
  ) {}

  public url(channelId: string, attachment: AttachmentRecord): string {
    return `${this.baseUrl}/attachments/${channelId}/${attachment.id}/${encodeURIComponent(attachment.filename)}`;
  }

  /** Stores a file that a user gave as an ATTACHMENT option; returns its resolved attachment object. */
  public loose(channelId: string, filename: string, content: string | Buffer, contentType?: string): Json {
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const file = { field: 'files[0]', filename, contentType: contentType ?? guessContentType(filename), data };
    const attachment = this.record(file, {}, true);
    this.looseFiles.set(attachment.id, { channelId, attachment });
    return this.payload(channelId, attachment);
  }

  /** An attachment by channel and id, for the download route. */
  public find(channelId: string, id: string): AttachmentRecord | undefined {
    const loose = this.looseFiles.get(id);
    if (loose?.channelId === channelId) return loose.attachment;
    for (const message of this.state.channelMessages(channelId)) {
      const found = message.attachments.find((a) => a.id === id);
      if (found) return found;
    }
    return undefined;
  }

  public clear(): void {
    this.looseFiles.clear();
  }

  public payload(channelId: string, a: AttachmentRecord): Json {
    const url = this.url(channelId, a);
    return {
      id: a.id,
      filename: a.filename,
      ...(a.description ? { description: a.description } : {}),
      content_type: a.contentType,
      size: a.data.length,
      url,
      proxy_url: url,
      ...(a.ephemeral ? { ephemeral: true } : {}),
    };
  }

  /**
   * Resolves the `attachments` array of a body: existing attachments are kept by id, new ones refer
   * to an uploaded `files[n]` by index. Uploaded files nobody referenced are attached too.
   */
  public resolve(
    existing: AttachmentRecord[],
    spec: unknown,
    files: UploadedFile[],
    ephemeral: boolean,
  ): AttachmentRecord[] {
    const byIndex = new Map<string, UploadedFile>();
    files.forEach((file, i) => byIndex.set(/^files\[(\d+)\]$/.exec(file.field)?.[1] ?? String(i), file));
    const result: AttachmentRecord[] = [];
    const used = new Set<UploadedFile>();
    for (const entry of Array.isArray(spec) ? (spec as Json[]) : []) {
      const id = String(entry.id);
      const old = existing.find((a) => a.id === id);
      if (old) {
        result.push(old);
        continue;
      }
      const file = byIndex.get(id);
      if (!file) continue;
      used.add(file);
      result.push(this.record(file, entry, ephemeral));
    }
    for (const file of files) if (!used.has(file)) result.push(this.record(file, {}, ephemeral));
    return result;
  }

  private record(file: UploadedFile, entry: Json, ephemeral: boolean): AttachmentRecord {
    return {
      id: this.state.ids.next(),
      filename: typeof entry.filename === 'string' ? entry.filename : file.filename,
      description: typeof entry.description === 'string' ? entry.description : undefined,
      contentType: file.contentType,
      data: file.data,
      ephemeral,
    };
  }
}

export function guessContentType(filename: string): string {
  const ext = filename.split('.').pop()?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    txt: 'text/plain; charset=utf-8',
    json: 'application/json; charset=utf-8',
    csv: 'text/csv; charset=utf-8',
    md: 'text/markdown; charset=utf-8',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
  };
  return types[ext] ?? 'application/octet-stream';
}
