import { isAbsolute } from 'node:path';
import semver from 'semver';
import { z } from 'zod';

/** Checks a manifest's shape at load time, since plugins may be plain JavaScript. */
export const manifestSchema = z.object({
  name: z
    .string({ error: 'name is missing' })
    .regex(/^[a-z][a-z0-9-]{1,31}$/, 'name must be 2-32 lower-case letters, digits or dashes, starting with a letter'),
  version: z.string().refine((value) => semver.valid(value) !== null, 'version must be semver, such as 1.0.0'),
  description: z.string().min(1, 'description is missing').max(200, 'description must be at most 200 characters'),
  core: z.string().refine((value) => semver.validRange(value) !== null, 'core must be a semver range, such as ^0.1.0'),
  permissions: z.array(z.unknown()).optional(),
  entities: z.array(z.function()).optional(),
  migrations: z.string().refine(isAbsolute, 'migrations must be an absolute path').optional(),
  config: z.custom<z.ZodType>((value) => value instanceof z.ZodType, 'config must be a zod schema').optional(),
  defaultEnabled: z.boolean().optional(),
  dataCollected: z.string().optional(),
  hooks: z.record(z.string(), z.function()).optional(),
});
