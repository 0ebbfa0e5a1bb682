import { type FieldError, Errors, invalidFormBody } from './errors';
import type { Json } from './payloads';

type Path = (string | number)[];

function maxLength(errors: FieldError[], path: Path, value: unknown, max: number): number {
  if (typeof value !== 'string') return 0;
  if (value.length > max) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
  return value.length;
}

function required(errors: FieldError[], path: Path, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  }
}

function validateEmbeds(errors: FieldError[], embeds: Json[]): void {
  if (embeds.length > 10) {
    errors.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
  }
  let total = 0;
  embeds.forEach((embed, i) => {
    const p = ['embeds', i];
    total += maxLength(errors, [...p, 'title'], embed.title, 256);
    total += maxLength(errors, [...p, 'description'], embed.description, 4096);
    total += maxLength(errors, [...p, 'footer', 'text'], (embed.footer as Json | undefined)?.text, 2048);
    total += maxLength(errors, [...p, 'author', 'name'], (embed.author as Json | undefined)?.name, 256);
    const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
    if (fields.length > 25) {
      errors.push({ path: [...p, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    }
    fields.forEach((field, j) => {
      required(errors, [...p, 'fields', j, 'name'], field.name);
      required(errors, [...p, 'fields', j, 'value'], field.value);
      total += maxLength(errors, [...p, 'fields', j, 'name'], field.name, 256);
      total += maxLength(errors, [...p, 'fields', j, 'value'], field.value, 1024);
    });
  });
  if (total > 6000) {
    errors.push({
      path: ['embeds'],
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    });
  }
}

function validateComponents(errors: FieldError[], components: Json[], v2: boolean): void {
  const customIds = new Set<string>();
  const visit = (component: Json, path: Path): void => {
    const customId = component.custom_id;
    if (typeof customId === 'string') {
      maxLength(errors, [...path, 'custom_id'], customId, 100);
      if (customIds.has(customId)) {
        errors.push({
          path: [...path, 'custom_id'],
          code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
          message: 'Component custom id cannot be duplicated',
        });
      }
      customIds.add(customId);
    }
    if (component.type === 2) {
      maxLength(errors, [...path, 'label'], component.label, 80);
      if (
        component.style === 5
          ? typeof component.url !== 'string'
          : component.style !== 6 && typeof customId !== 'string'
      ) {
        errors.push({
          path,
          code: 'BUTTON_COMPONENT_INVALID',
          message: 'A button needs a custom_id (or a url for link buttons)',
        });
      }
    }
    if (component.type === 3 && Array.isArray(component.options) && component.options.length > 25) {
      errors.push({
        path: [...path, 'options'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      });
    }
    const children = Array.isArray(component.components) ? (component.components as Json[]) : [];
    if (component.type === 1 && children.length > 5) {
      errors.push({
        path: [...path, 'components'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 5 or fewer in length.',
      });
    }
    children.forEach((child, i) => visit(child, [...path, 'components', i]));
    if (component.accessory && typeof component.accessory === 'object')
      visit(component.accessory as Json, [...path, 'accessory']);
  };
  if (!v2 && components.length > 5) {
    errors.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  }
  components.forEach((c, i) => visit(c, ['components', i]));
}

/** Checks a message body the way Discord does; throws 50035 (field errors) or 50006 (empty message). */
export function validateMessageBody(body: Json, fileCount: number, isEdit: boolean): void {
  const errors: FieldError[] = [];
  maxLength(errors, ['content'], body.content, 2000);
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  validateEmbeds(errors, embeds);
  const components = Array.isArray(body.components) ? (body.components as Json[]) : [];
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  validateComponents(errors, components, (flags & 32768) !== 0);
  if (errors.length > 0) throw invalidFormBody(errors);
  if (isEdit) return;
  const hasContent = typeof body.content === 'string' && body.content.trim().length > 0;
  const hasAttachments = fileCount > 0 || (Array.isArray(body.attachments) && body.attachments.length > 0);
  const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
  if (!hasContent && embeds.length === 0 && components.length === 0 && !hasAttachments && !hasStickers && !body.poll) {
    throw Errors.emptyMessage();
  }
}

/** Validates the choices of an autocomplete result (type 8). */
export function validateChoices(choices: unknown): Json[] {
  const list = Array.isArray(choices) ? (choices as Json[]) : [];
  const errors: FieldError[] = [];
  if (list.length > 25) {
    errors.push({ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  }
  list.forEach((choice, i) => {
    required(errors, ['data', 'choices', i, 'name'], choice.name);
    maxLength(errors, ['data', 'choices', i, 'name'], choice.name, 100);
    maxLength(errors, ['data', 'choices', i, 'value'], choice.value, 100);
  });
  if (errors.length > 0) throw invalidFormBody(errors);
  return list;
}

/** Checks a modal (callback type 9): custom_id, a 1-45 character title, 1 to 5 components. */
export function validateModal(data: Json): void {
  const components = Array.isArray(data.components) ? data.components : [];
  const problems: FieldError[] = [];
  if (typeof data.custom_id !== 'string' || data.custom_id.length === 0) {
    problems.push({ path: ['data', 'custom_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  }
  if (typeof data.title !== 'string' || data.title.length === 0 || data.title.length > 45) {
    problems.push({
      path: ['data', 'title'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 45 in length.',
    });
  }
  if (components.length < 1 || components.length > 5) {
    problems.push({
      path: ['data', 'components'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 5 in length.',
    });
  }
  if (problems.length > 0) throw invalidFormBody(problems);
}
