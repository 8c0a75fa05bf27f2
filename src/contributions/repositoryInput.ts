import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';

export const urlPattern = /^(https|ssh|git|file):\/\/\S+$/;

/**
 * A path on the server's own disk. node:path cannot travel to the browser; on the POSIX hosts
 * the server runs on, path.isAbsolute is exactly this.
 */
const absolutePath = (v: string) => v.startsWith('/');

/**
 * A repository to register, as the route takes it and as the web app's register form checks it
 * before sending: one schema object, so the field errors read the same. No database code here,
 * as the web app bundles this module.
 */
export const repositoryInputSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, schemaWords('repositoryName')),
    location: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .refine((v) => urlPattern.test(v) || absolutePath(v), schemaWords('repositorySource')),
    defaultBranch: z
      .string()
      .trim()
      .regex(/^[^\s~^:?*[\\-][^\s~^:?*[\\]*$/, schemaWords('branchName'))
      .optional(),
    botPatterns: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  })
  .meta({ id: 'NewRepository' });

const fields = repositoryInputSchema.shape;

/**
 * A repository's settings changed, as the route takes them and as the repository page's form
 * checks them before sending.
 */
export const repositoryChangesSchema = z
  .strictObject({
    name: fields.name.optional(),
    location: fields.location.optional(),
    /** null: back to what the repository says (origin/HEAD, HEAD of a mirror, main, master). */
    defaultBranch: fields.defaultBranch.unwrap().nullable().optional(),
    botPatterns: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  })
  .meta({ id: 'RepositoryChanges' });
