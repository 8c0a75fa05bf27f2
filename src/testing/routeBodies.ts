import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../platform/http/context.ts';

/** The body schema each route was registered with, by "METHOD url". */
export async function registeredBodies(
  register: (app: App, deps: AppDeps) => void,
): Promise<Map<string, unknown>> {
  const bodies = new Map<string, unknown>();
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) bodies.set(`${method} ${route.url}`, route.schema?.body);
  });
  // Registration only reads the database handle; no handler runs here.
  register(app as unknown as App, { database: { db: {} }, config: {} } as unknown as AppDeps);
  await app.ready();
  await app.close();
  return bodies;
}

/**
 * The packages a module brings in, through its own relative imports (type-only imports
 * bring nothing at run time): what a web form pulls into the browser's bundle with it.
 */
export function packagesImported(file: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const walk = (at: string) => {
    if (seen.has(at)) return;
    seen.add(at);
    const source = fs.readFileSync(at, 'utf8');
    const imports = source.matchAll(
      /^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?'([^']+)';/gms,
    );
    for (const [, spec] of imports) {
      if (spec!.startsWith('.')) walk(path.resolve(path.dirname(at), spec!));
      else packages.add(spec!);
    }
  };
  walk(path.resolve(file));
  return packages;
}
