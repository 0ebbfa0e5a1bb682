import type { CommandRegistry } from './commands';
import type { InteractionService } from './interactions';
import type { MessageService } from './messages';
import type { Json } from './payloads';
import type { EmulatorState } from './state';

export interface EmulatorConfig {
  token: string;
  botUserId: string;
  applicationId: string;
  ownerUserId: string;
  /** Team that owns the application, if any. */
  teamId: string | null;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** ws://127.0.0.1:PORT/gateway */
  gatewayUrl: string;
}

/** What the REST routes, the gateway and the actors share. */
export interface EmulatorContext {
  readonly state: EmulatorState;
  readonly config: EmulatorConfig;
  readonly messages: MessageService;
  readonly interactions: InteractionService;
  readonly commands: CommandRegistry;
  /** Sends a gateway dispatch (op 0) to every session of the bot. */
  dispatch(event: string, data: Json): void;
}

/** A file from a multipart request. */
export interface UploadedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}
