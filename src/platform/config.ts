import path from 'node:path';
import { z } from 'zod';

const configSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  COOP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Hackers Co-op <coop@localhost>'),
  /**
   * Where replies to a consultation's mail go, with `{token}` where each mail's secret goes (e.g.
   * `coop+{token}@example.org`); the mail server hands them to `coop mail receive`. Unset, the
   * mail asks for answers by link only.
   */
  MAIL_REPLY_TO: z
    .string()
    .refine(
      (v) => v.includes('{token}') && z.email().safeParse(v.replace('{token}', 'c-0')).success,
      { message: 'an address with {token} in it, e.g. coop+{token}@example.org' },
    )
    .optional(),
  PUBLIC_URL: z.url().optional(),
  COOP_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  COOP_JOBS: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  /** Behind a load balancer, trust X-Forwarded-For so rate limits see the client's address. */
  COOP_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Lets webhook endpoints reach private, loopback and link-local addresses: for tests and for
   * receivers on the co-op's own network. Off, a member cannot use webhooks to probe it.
   */
  COOP_WEBHOOKS_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  COOP_LOG: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
  /**
   * The secret that seals secret ballots until their poll closes (32 bytes, base64 or hex).
   * Unset, it is created once in the data directory (`ballot.key`). Several machines serving one
   * co-op must share it; it never goes into the database or a backup.
   */
  COOP_BALLOT_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== undefined, '32 bytes, written in base64 or hex')
    .optional(),
  /**
   * The transparency log's private signing key (`PRIVATE+KEY+name+hash+base64`, as `coop log
   * keygen` writes it). Unset, `log-signing.key` in the data directory is used if it exists;
   * it never goes into the database or a backup.
   */
  COOP_LOG_SIGNING_KEY: z.string().startsWith('PRIVATE+KEY+').optional(),
  /** With several co-ops on one deployment: the one reached by a host name none of them has. */
  COOP_DEFAULT: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a co-op slug, e.g. acme-hackers')
    .optional(),
});

export type Config = Omit<z.infer<typeof configSchema>, 'COOP_DATA_DIR'> & {
  dataDir: string;
  publicUrl: string;
};

/** A 32-byte key from base64 or hex text, or undefined. */
export function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : undefined;
}

/** Reads and validates the environment once; a bad value stops start-up with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const { COOP_DATA_DIR, ...rest } = parsed.data;
  return {
    ...rest,
    dataDir: path.resolve(COOP_DATA_DIR),
    publicUrl: rest.PUBLIC_URL ?? `http://${rest.HOST}:${rest.PORT}`,
  };
}
