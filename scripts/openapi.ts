// Writes the API's OpenAPI document (what GET /api/openapi.json serves) to a file, for the
// web app's generated types and for `redocly lint`. Usage: node scripts/openapi.ts OUT.json
import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../src/platform/http/openapiDocument.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/openapi.ts OUT.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`);
