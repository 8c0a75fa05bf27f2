import fs from 'node:fs';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { LogController } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveCoop } from '../../coop/resolveCoop.ts';
import { loadActor } from '../../members/repository.ts';
import { findSession, sessionCookie } from '../../members/sessions.ts';
import { publicActor } from '../actor.ts';
import { badRequest, forbidden } from '../errors.ts';
import { openApiWebhooks } from '../events/catalogue.ts';
import { registeredEventTypes } from '../events/registry.ts';
import type { Logger } from '../logger.ts';
import { badTextFields } from '../text.ts';
import type { App, AppDeps } from './context.ts';
import { parseJsonBodies } from './jsonBody.ts';
import { problemHandler } from './problem.ts';

export type RouteModule = (app: App, deps: AppDeps) => void;

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type OpenApiTransform = ReturnType<typeof createJsonSchemaTransform>;
type OpenApiResponse = {
  description?: string;
  content?: Record<string, unknown>;
  [key: string]: unknown;
};

/**
 * What the platform adds to every operation's OpenAPI entry, so that no route repeats it:
 * - the CSRF scheme on state-changing methods (the onRequest hook below demands the header
 *   with every session); routes open to the public declare `security: []` themselves;
 * - a 400 problem wherever there is input to validate (the validator answers it for every
 *   route), a 403 problem on state-changing methods (a wrong CSRF token or a cross-site
 *   origin, refused by the same hook);
 * - problems under their real media type, application/problem+json, and their descriptions
 *   from the status names instead of "Default Response".
 */
function platformTransform(zodTransform: OpenApiTransform): OpenApiTransform {
  return (input) => {
    const output = zodTransform(input);
    const schema = output.schema as Record<string, unknown> | undefined;
    if (!schema || schema.hide) return output;
    const unsafe = unsafeMethods.has(String(input.route.method));
    if (unsafe && schema.security === undefined) schema.security = [{ session: [], csrf: [] }];
    const response = (schema.response ?? {}) as Record<string, OpenApiResponse>;
    const problem = () => ({ $ref: '#/components/schemas/Problem' });
    if ((schema.body || schema.querystring || schema.params) && !response[400])
      response[400] = problem();
    if (unsafe && !response[403]) response[403] = problem();
    for (const [status, answer] of Object.entries(response)) {
      if (!status.startsWith('4') && !status.startsWith('5')) continue;
      response[status] = {
        description: STATUS_CODES[Number(status)] ?? 'Problem',
        content: { 'application/problem+json': { schema: answer.content ? problem() : answer } },
      };
    }
    schema.response = response;
    return output;
  };
}

/**
 * Which co-op each host name reaches, remembered for a minute: host names rarely change, and
 * a second process behind the load balancer learns of a new co-op within that minute. Until
 * a host reaches a co-op, every request asks the database, so the wizard's co-op is seen at once.
 */
function coopResolver(deps: AppDeps) {
  const known = new Map<string, { coopId: string; until: number }>();
  return async (host: string | undefined) => {
    const key = host ?? '';
    const hit = known.get(key);
    if (hit && hit.until > Date.now()) return hit.coopId;
    const coop = await resolveCoop(deps.database.db, host, deps.config.COOP_DEFAULT);
    if (coop) known.set(key, { coopId: coop.id, until: Date.now() + 60_000 });
    return coop?.id;
  };
}

/**
 * The host an Origin header names, or undefined when it names none: `null` (sandboxed frames,
 * file: pages, some redirects) or anything that is not a URL. Such a request cannot show it
 * came from this site, so it is refused as cross-site.
 */
function originHost(origin: string): string | undefined {
  if (!URL.canParse(origin)) return undefined;
  return new URL(origin).host || undefined;
}

export async function buildServer(
  deps: AppDeps,
  routes: RouteModule[],
  logger: Logger,
): Promise<App> {
  const app = Fastify({
    loggerInstance: logger,
    trustProxy: deps.config.COOP_TRUST_PROXY,
    logController: new LogController({ disableRequestLogging: deps.config.COOP_LOG !== 'debug' }),
    bodyLimit: 20 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);
  parseJsonBodies(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hackers Co-op API',
        version: '1',
        description:
          'Sign in with POST /api/auth/login; the session is an httpOnly cookie. Every state-changing request from a session must carry the `x-csrf-token` header returned by GET /api/session. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      // Each public event type as the POST a webhook endpoint receives (OpenAPI 3.1).
      webhooks: openApiWebhooks(registeredEventTypes()),
      // Signed in by default; public operations say `security: []`, and state-changing ones
      // also need the CSRF header (added per operation by platformTransform).
      security: [{ session: [] }],
    },
    transform: platformTransform(createJsonSchemaTransform({ schemaRegistry: z.globalRegistry })),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: z.globalRegistry }),
  });

  const coopOf = coopResolver(deps);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    const coopId = await coopOf(request.hostname);
    if (!coopId) return;
    request.actor = publicActor(coopId);
    const token = request.cookies[sessionCookie];
    if (token) {
      const session = await findSession(deps.database.db, token, deps.clock.now());
      if (session && session.coopId === coopId) {
        const actor = await loadActor(
          deps.database.db,
          coopId,
          session.personId,
          deps.clock.today(),
        );
        if (actor && actor.membership?.status !== 'suspended') {
          request.actor = actor;
          request.sessionToken = token;
          request.csrfToken = session.csrfToken;
        }
      }
    }
    if (!unsafeMethods.has(request.method)) return;
    // A signed-in browser must echo its session's CSRF token; a cross-site page cannot read it.
    if (request.sessionToken) {
      if (request.headers['x-csrf-token'] !== request.csrfToken)
        throw forbidden(
          'Missing or wrong x-csrf-token header: reload the page and try again.',
        ).because('csrf.token');
      return;
    }
    // Without a session (sign-in, wizard, invitation links) refuse requests made by other sites.
    const origin = request.headers.origin;
    if (origin && originHost(origin) !== request.headers.host)
      throw forbidden('Cross-site request refused.').because('csrf.cross-site');
  });

  // Before any route's schema: text no database can store (NUL, unpaired surrogates) is a 400
  // naming the field, in the body, the query string or the path, for every route at once.
  app.addHook('preValidation', async (request) => {
    const errors = [
      ...badTextFields(request.params, ['params']),
      ...badTextFields(request.query, ['querystring']),
      ...badTextFields(request.body, ['body']),
    ];
    if (errors.length > 0)
      throw badRequest(errors.map((e) => `${e.pointer}: ${e.message}`).join('; '), errors).because(
        'text.unstorable',
        { count: errors.length },
      );
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const register of routes) register(app, deps);

  const indexPath = path.join(webDist, 'index.html');
  // Files are looked up per request (wildcard), so a rebuilt web app needs no restart.
  if (fs.existsSync(indexPath)) await app.register(fastifyStatic, { root: webDist });
  // Client-side routes (/members/123, /invite/abc) all load the single page.
  app.setNotFoundHandler((request, reply) => {
    // Read per request: a rebuilt web app is served without a restart.
    if (request.method === 'GET' && !request.url.startsWith('/api/') && fs.existsSync(indexPath))
      return reply.type('text/html; charset=utf-8').send(fs.createReadStream(indexPath));
    return problemHandler(
      Object.assign(new Error(`No route ${request.method} ${request.url.split('?')[0]}`), {
        statusCode: 404,
        code: 'NOT-FOUND',
      }) as never,
      request,
      reply,
    );
  });
  return app;
}
