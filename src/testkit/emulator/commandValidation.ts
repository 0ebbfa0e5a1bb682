import { type FieldError, invalidFormBody } from './errors';
import type { Json } from './payloads';

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Path = (string | number)[];

function checkName(errors: FieldError[], path: Path, name: unknown, lowercase: boolean): void {
  if (typeof name !== 'string' || !NAME.test(name) || (lowercase && name !== name.toLowerCase())) {
    errors.push({
      path: [...path, 'name'],
      code: 'APPLICATION_COMMAND_INVALID_NAME',
      message: `Command name is invalid: ${JSON.stringify(name)}`,
    });
  }
}

function checkDescription(errors: FieldError[], path: Path, description: unknown): void {
  if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
    errors.push({
      path: [...path, 'description'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 100 in length.',
    });
  }
}

function checkOptions(errors: FieldError[], path: Path, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.push({ path: [...path, 'options'], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    return;
  }
  const list = options as Json[];
  if (list.length > 25) {
    errors.push({
      path: [...path, 'options'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 25 or fewer in length.',
    });
  }
  const names = new Set<string>();
  let sawOptional = false;
  list.forEach((option, i) => {
    const p = [...path, 'options', i];
    checkName(errors, p, option.name, true);
    checkDescription(errors, p, option.description);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        errors.push({
          path: [...p, 'name'],
          code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          message: 'Option names must be unique',
        });
      }
      names.add(option.name);
    }
    const type = option.type;
    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2)) {
        errors.push({
          path: [...p, 'type'],
          code: 'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          message: 'Subcommands nest too deeply',
        });
      }
      checkOptions(errors, p, option.options, depth + 1);
      return;
    }
    if (option.required === true && sawOptional) {
      errors.push({
        path: [...p, 'required'],
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options',
      });
    }
    if (option.required !== true) sawOptional = true;
    if (Array.isArray(option.choices)) {
      if (option.choices.length > 25) {
        errors.push({
          path: [...p, 'choices'],
          code: 'BASE_TYPE_MAX_LENGTH',
          message: 'Must be 25 or fewer in length.',
        });
      }
      if (option.autocomplete === true && option.choices.length > 0) {
        errors.push({
          path: [...p, 'autocomplete'],
          code: 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID',
          message: 'Autocomplete cannot be used with choices',
        });
      }
    }
  });
}

/** Checks a command definition the way Discord does; throws 50035 with field errors. */
export function validateCommand(body: Json, pathPrefix: Path = []): void {
  const errors: FieldError[] = [];
  const type = typeof body.type === 'number' ? body.type : 1;
  checkName(errors, pathPrefix, body.name, type === 1);
  if (type === 1) {
    checkDescription(errors, pathPrefix, body.description);
    checkOptions(errors, pathPrefix, body.options, 0);
  }
  if (errors.length > 0) throw invalidFormBody(errors);
}
