import type { Readable } from 'node:stream';
import { z } from 'zod';

/** What a file answer's handler may send: Fastify writes each of these as it is. */
type FileBody = string | Uint8Array | Readable;

/** Media types whose bodies are text; any other file answer is described as binary. */
const textual = (mediaType: string) =>
  mediaType.startsWith('text/') || mediaType.endsWith('ndjson');

/**
 * The content of a file answer (a PDF, a CSV, a BLT file...), for `schema.response`. Fastify
 * sends strings, buffers and streams without serializing them, so these schemas only describe
 * the answer in the OpenAPI document; they are typed as what the handler may send. A route
 * that also answers JSON adds `'application/json': { schema }` beside them.
 */
export function fileContent(...mediaTypes: string[]) {
  return Object.fromEntries(
    mediaTypes.map((mediaType) => [
      mediaType,
      {
        schema: (textual(mediaType)
          ? z.string()
          : z.string().meta({ format: 'binary' })) as unknown as z.ZodType<FileBody>,
      },
    ]),
  );
}

/**
 * A JSON value the database stores (jsonb) and reads back untyped: the schema documents its
 * shape and checks it as the answer leaves, while the handler's value stays `unknown` to
 * TypeScript, as the query gives it.
 */
export const storedJson = <T extends z.ZodType>(schema: T) =>
  schema as unknown as z.ZodType<unknown>;
