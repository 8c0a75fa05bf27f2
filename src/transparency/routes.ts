import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { governancePolicy } from '../governance/policy.ts';
import { runCommand } from '../platform/commands.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { fileContent } from '../platform/http/responses.ts';
import { authorize } from '../platform/policy.ts';
import { checkpointAt, latestCheckpoint, originOf, recentCheckpoints } from './checkpoints.ts';
import { cosignCheckpoint } from './commands/cosignCheckpoint.ts';
import { registerWitness } from './commands/registerWitness.ts';
import { toHex } from './core/hashing.ts';
import { recordsForHolderOnly } from './loggedEvents.ts';
import { transparencyPolicy } from './policy.ts';
import { proofBundleSchema } from './proofBundle.ts';
import { proofOfEvent } from './queries.ts';
import { transparencyLeaves, transparencyWitnesses } from './schema.ts';
import { loadLogSigner } from './signingKey.ts';
import {
  consistencyProof,
  inclusionProof,
  leafOfEvent,
  leavesOfSubject,
  logSize,
  rootAt,
} from './storage.ts';

const hex = z.string().regex(/^[0-9a-f]{64}$/);
const tags = ['transparency'];
// A proof or a checkpoint for a fixed size never changes: caches may keep it for good.
const forever = 'public, max-age=31536000, immutable';
const briefly = 'public, max-age=10';

const checkpointSchema = z
  .object({
    treeSize: z.number().int(),
    rootHash: hex,
    signedAt: z.date(),
    witnesses: z.array(z.object({ name: z.string(), cosignedAt: z.date() })),
  })
  .meta({ id: 'LogCheckpoint' });

const size = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export function transparencyRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const signer = loadLogSigner(deps.config);

  const reader = (request: Parameters<typeof commandContext>[1]) => {
    const ctx = commandContext(deps, request);
    authorize(ctx.actor, transparencyPolicy.readLog, undefined);
    return ctx;
  };

  /** A tree size the log has reached, or the current size. */
  async function treeSize(coopId: string, asked: number | undefined) {
    const current = await logSize(db, coopId);
    if (asked !== undefined && asked > current)
      throw badRequest(`The log has ${current} leaves, not ${asked}.`, [
        { pointer: '/size', message: `at most ${current}` },
      ]).because('log.size-beyond', { size: current, asked });
    return asked ?? current;
  }

  app.get(
    '/api/log',
    {
      schema: {
        operationId: 'getLog',
        security: [],
        summary: 'The log’s origin, public key, size and latest checkpoint',
        tags,
        response: {
          200: z.object({
            origin: z.string(),
            publicKey: z
              .string()
              .nullable()
              .describe('Verifier key, as sumdb note keys are written'),
            size: z.number().int(),
            checkpoint: checkpointSchema.nullable(),
            recent: z.array(checkpointSchema),
          }),
        },
      },
    },
    async (request, reply) => {
      const ctx = reader(request);
      const coopId = ctx.actor.coopId;
      const recent = await recentCheckpoints(db, coopId, 20);
      const present = (c: (typeof recent)[number]) => ({ ...c, rootHash: toHex(c.rootHash) });
      reply.header('cache-control', briefly);
      return {
        origin: await originOf(db, coopId, deps.config.publicUrl),
        publicKey: signer?.vkey ?? null,
        size: await logSize(db, coopId),
        checkpoint: recent[0] ? present(recent[0]) : null,
        recent: recent.map(present),
      };
    },
  );

  app.get(
    '/api/log/checkpoint',
    {
      schema: {
        operationId: 'getLogCheckpoint',
        security: [],
        summary: 'The latest signed checkpoint (or the one of a size), as a C2SP signed note',
        tags,
        querystring: z.object({ size: size.optional() }),
        response: {
          200: { description: 'The checkpoint note', content: fileContent('text/plain') },
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = reader(request);
      const { size: asked } = request.query;
      const checkpoint = asked
        ? await checkpointAt(db, ctx.actor.coopId, asked)
        : await latestCheckpoint(db, ctx.actor.coopId);
      if (!checkpoint) throw notFound(asked ? `a checkpoint of size ${asked}` : 'a checkpoint');
      // Cosignatures may still be added to any checkpoint: never cached for long.
      reply.header('cache-control', briefly).type('text/plain; charset=utf-8');
      return checkpoint.note;
    },
  );

  app.get(
    '/api/log/proof/inclusion',
    {
      schema: {
        operationId: 'getLogInclusionProof',
        security: [],
        summary: 'An inclusion proof for a leaf (by index or by event) in a tree of a size',
        tags,
        querystring: z.object({
          index: z.coerce.number().int().min(0).optional(),
          event: z.coerce.number().int().min(1).optional().describe('An event’s sequence number'),
          size: size.optional().describe('The tree size (default: the current size)'),
        }),
        response: {
          200: z.object({
            leafIndex: z.number().int(),
            treeSize: z.number().int(),
            leafHash: hex,
            rootHash: hex,
            proof: z.array(hex),
          }),
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const coopId = reader(request).actor.coopId;
      const { index, event } = request.query;
      if ((index === undefined) === (event === undefined))
        throw badRequest('Give either index or event.', [
          { pointer: '/index', message: 'one of' },
        ]).because('log.index-or-event');
      const where =
        index !== undefined
          ? eq(transparencyLeaves.leafIndex, index)
          : eq(transparencyLeaves.eventSeq, event!);
      const [leaf] = await db
        .select()
        .from(transparencyLeaves)
        .where(and(eq(transparencyLeaves.coopId, coopId), where));
      if (!leaf) throw notFound('that leaf');
      const n = await treeSize(coopId, request.query.size);
      if (leaf.leafIndex >= n)
        throw badRequest(`Leaf ${leaf.leafIndex} is not in a tree of ${n} leaves.`, [
          { pointer: '/size', message: `more than ${leaf.leafIndex}` },
        ]).because('log.leaf-beyond', { leaf: leaf.leafIndex, size: n });
      const [proof, root] = await Promise.all([
        inclusionProof(db, coopId, leaf.leafIndex, n),
        rootAt(db, coopId, n),
      ]);
      if (request.query.size) reply.header('cache-control', forever);
      return {
        leafIndex: leaf.leafIndex,
        treeSize: n,
        leafHash: toHex(leaf.leafHash),
        rootHash: toHex(root),
        proof: proof.map(toHex),
      };
    },
  );

  app.get(
    '/api/log/proof/consistency',
    {
      schema: {
        operationId: 'getLogConsistencyProof',
        security: [],
        summary: 'A consistency proof: the tree of size2 extends the tree of size1',
        tags,
        querystring: z.object({ size1: size, size2: size }),
        response: {
          200: z.object({
            size1: z.number().int(),
            size2: z.number().int(),
            root1: hex,
            root2: hex,
            proof: z.array(hex),
          }),
        },
      },
    },
    async (request, reply) => {
      const coopId = reader(request).actor.coopId;
      const { size1, size2 } = request.query;
      await treeSize(coopId, size2);
      if (size1 > size2)
        throw badRequest('size1 is larger than size2.', [
          { pointer: '/size1', message: '≤ size2' },
        ]).because('log.sizes-reversed');
      const [proof, root1, root2] = await Promise.all([
        consistencyProof(db, coopId, size1, size2),
        rootAt(db, coopId, size1),
        rootAt(db, coopId, size2),
      ]);
      reply.header('cache-control', forever);
      return { size1, size2, root1: toHex(root1), root2: toHex(root2), proof: proof.map(toHex) };
    },
  );

  app.get(
    '/api/log/leaves',
    {
      schema: {
        operationId: 'listLogLeaves',
        security: [],
        summary: 'Leaves in order: every hash; the entry where the reader may read it',
        tags,
        querystring: z.object({
          start: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: {
          200: z.object({
            leaves: z.array(
              z.object({
                index: z.number().int(),
                leafHash: hex,
                visibility: z.enum(['public', 'hashed']),
                eventSeq: z.number().int(),
                type: z.string(),
                entry: z.string().nullable().describe('The RFC 8785 JSON that was hashed'),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const ctx = reader(request);
      const member = transparencyPolicy.readMemberEntries(ctx.actor, undefined);
      const { start, limit } = request.query;
      const rows = await db
        .select()
        .from(transparencyLeaves)
        .where(
          and(
            eq(transparencyLeaves.coopId, ctx.actor.coopId),
            gte(transparencyLeaves.leafIndex, start),
            lt(transparencyLeaves.leafIndex, start + limit),
          ),
        )
        .orderBy(asc(transparencyLeaves.leafIndex));
      // A full page never changes; the last one grows.
      if (rows.length === limit && !member) reply.header('cache-control', forever);
      return {
        leaves: rows.map((l) => ({
          index: l.leafIndex,
          leafHash: toHex(l.leafHash),
          visibility: l.visibility,
          eventSeq: l.eventSeq,
          type: member || l.visibility === 'public' ? l.eventType : 'hashed',
          entry: member || l.visibility === 'public' ? l.entry : null,
        })),
      };
    },
  );

  app.get(
    '/api/log/subjects/:subjectType/:subjectId',
    {
      schema: {
        operationId: 'getLogSubject',
        security: [],
        summary: 'Where a record (a poll, an entry…) is in the log, and the checkpoint covering it',
        tags,
        params: z.object({ subjectType: z.string().max(100), subjectId: z.string().max(200) }),
        response: {
          200: z.object({
            leaves: z.array(
              z.object({
                leafIndex: z.number().int(),
                eventSeq: z.number().int(),
                type: z.string(),
                loggedAt: z.date(),
                checkpoint: checkpointSchema.nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const ctx = reader(request);
      const member = transparencyPolicy.readMemberEntries(ctx.actor, undefined);
      const { subjectType, subjectId } = request.params;
      const leaves = (await leavesOfSubject(db, ctx.actor.coopId, subjectType, subjectId)).filter(
        (l) => member || l.visibility === 'public',
      );
      const latest = await latestCheckpoint(db, ctx.actor.coopId);
      return {
        leaves: leaves.map((l) => ({
          leafIndex: l.leafIndex,
          eventSeq: l.eventSeq,
          type: l.eventType,
          loggedAt: l.loggedAt,
          checkpoint:
            latest && latest.treeSize > l.leafIndex
              ? { ...latest, rootHash: toHex(latest.rootHash) }
              : null,
        })),
      };
    },
  );

  app.get(
    '/api/log/events/:seq/proof',
    {
      schema: {
        operationId: 'getLogProofFile',
        security: [],
        summary: 'A logged record with its inclusion proof and checkpoint, for `coop log check`',
        tags,
        params: z.object({ seq: z.coerce.number().int().min(1) }),
        response: {
          200: proofBundleSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = reader(request);
      const member = transparencyPolicy.readMemberEntries(ctx.actor, undefined);
      const leaf = await leafOfEvent(db, ctx.actor.coopId, request.params.seq);
      const bundle = await proofOfEvent(db, ctx.actor.coopId, request.params.seq, {
        withRecord: member && !recordsForHolderOnly.has(leaf?.eventType ?? ''),
        // A tally's ballots go to whoever may read them on the poll's page.
        withBallots: governancePolicy.takePart(ctx.actor, undefined),
        publicUrl: deps.config.publicUrl,
      });
      // The public may prove a public record; a member-visible one is proved by members.
      if (bundle.visibility === 'hashed' && !member)
        throw notFound(`event ${request.params.seq} in the log`);
      reply.header(
        'content-disposition',
        `attachment; filename="log-proof-${bundle.leafIndex}.json"`,
      );
      return bundle;
    },
  );

  app.get(
    '/api/log/witnesses',
    {
      schema: {
        operationId: 'listLogWitnesses',
        security: [],
        summary: 'The witnesses who may co-sign checkpoints, with their public keys',
        tags,
        response: {
          200: z.object({
            witnesses: z.array(z.object({ name: z.string(), publicKey: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const ctx = reader(request);
      const rows = await db
        .select({ name: transparencyWitnesses.name, publicKey: transparencyWitnesses.vkey })
        .from(transparencyWitnesses)
        .where(eq(transparencyWitnesses.coopId, ctx.actor.coopId))
        .orderBy(asc(transparencyWitnesses.name));
      return { witnesses: rows };
    },
  );

  app.post(
    '/api/log/witnesses',
    {
      schema: {
        operationId: 'registerLogWitness',
        summary: 'Register your witness key (from `coop log witness-keygen`)',
        tags,
        body: registerWitness.input,
        response: {
          201: z.object({ id: z.uuid(), name: z.string() }),
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await runCommand(registerWitness, request.body, commandContext(deps, request));
      reply.code(201);
      return result;
    },
  );

  app.post(
    '/api/log/cosignatures',
    {
      schema: {
        operationId: 'cosignLogCheckpoint',
        summary: 'Add your witness’s cosignature to a checkpoint you checked',
        tags,
        body: cosignCheckpoint.input,
        response: {
          201: z.object({ witness: z.string(), treeSize: z.number().int(), cosignedAt: z.date() }),
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await runCommand(
        cosignCheckpoint,
        request.body,
        commandContext(deps, request),
      );
      reply.code(201);
      return result;
    },
  );
}
