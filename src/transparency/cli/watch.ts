import fs from 'node:fs';
import { parseHexHash, toHex } from '../core/hashing.ts';
import { parseWitnessSigner } from '../core/cosignature.ts';
import { signatureLine, splitNote } from '../core/note.ts';
import { verifyConsistency } from '../core/verify.ts';
import { checkCheckpoint, type Outcome } from './verifyCommands.ts';

/** What the watcher keeps between runs: the last checkpoint it verified. */
interface WatchState {
  origin: string;
  size: number;
  rootHash: string;
  checkpoint: string;
}

export interface WatchOptions {
  key: string;
  origin?: string;
  state: string;
  witnessKey?: string;
  session?: string;
  /** The HTTP client: the global fetch, or a test's. */
  fetch?: typeof fetch;
}

function readState(file: string): WatchState | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as WatchState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const writeState = (file: string, state: WatchState) => {
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
};

const fork = (reason: string, kept: WatchState, seen: string): Outcome => ({
  valid: false,
  reason: [
    `THE LOG WAS REWRITTEN (a fork): ${reason}.`,
    `The checkpoint kept (size ${kept.size}, root ${kept.rootHash}) and the one served now cannot`,
    'both be true. Keep both as evidence; the one served now is:',
    seen.trimEnd(),
  ].join('\n'),
});

/**
 * `coop log watch URL`: fetches the latest checkpoint, verifies its signature, and checks with a
 * consistency proof that it extends the last checkpoint this watcher verified (kept in the state
 * file, never taken from the server). A log that shrank, or whose proof fails, was rewritten:
 * that is reported loudly and the state is left as it was. With a witness key, a verified
 * checkpoint is co-signed and the cosignature posted back.
 */
export async function watch(url: string, options: WatchOptions): Promise<Outcome> {
  const get = options.fetch ?? fetch;
  const base = url.replace(/\/+$/, '');
  const response = await get(`${base}/api/log/checkpoint`);
  if (!response.ok) return { valid: false, reason: `GET /api/log/checkpoint: ${response.status}` };
  const note = await response.text();
  const kept = readState(options.state);
  const origin = options.origin ?? kept?.origin;
  const firstOrigin = origin ?? note.split('\n', 1)[0]!;
  const checked = checkCheckpoint(note, options.key, firstOrigin);
  if (typeof checked === 'string') return { valid: false, reason: `checkpoint: ${checked}` };
  const seen: WatchState = {
    origin: checked.origin,
    size: Number(checked.size),
    rootHash: toHex(checked.rootHash),
    checkpoint: note,
  };
  const lines: string[] = [];
  if (!kept) {
    lines.push(`first checkpoint of ${seen.origin} kept: size ${seen.size}, root ${seen.rootHash}`);
  } else if (seen.size < kept.size) {
    return fork(`it shrank from ${kept.size} to ${seen.size} leaves`, kept, note);
  } else if (seen.size === kept.size) {
    if (seen.rootHash !== kept.rootHash)
      return fork(`size ${seen.size} now has another root`, kept, note);
    lines.push(`no new leaves: size ${seen.size}, root ${seen.rootHash}`);
  } else {
    const proofResponse = await get(
      `${base}/api/log/proof/consistency?size1=${kept.size}&size2=${seen.size}`,
    );
    if (!proofResponse.ok)
      return fork(`the server gives no consistency proof (${proofResponse.status})`, kept, note);
    const { proof } = (await proofResponse.json()) as { proof: string[] };
    const verdict = verifyConsistency(
      BigInt(kept.size),
      BigInt(seen.size),
      parseHexHash(kept.rootHash)!,
      checked.rootHash,
      proof.map((h) => parseHexHash(h) ?? Buffer.alloc(0)),
    );
    if (verdict) return fork(verdict, kept, note);
    lines.push(`size ${kept.size} → ${seen.size}: consistent; root ${seen.rootHash}`);
  }
  writeState(options.state, seen);
  if (options.witnessKey) lines.push(await cosign(base, note, seen.size, options, get));
  return { valid: true, output: lines.join('\n') };
}

async function cosign(
  base: string,
  note: string,
  treeSize: number,
  options: WatchOptions,
  get: typeof fetch,
): Promise<string> {
  const signer = parseWitnessSigner(fs.readFileSync(options.witnessKey!, 'utf8').trim());
  if (typeof signer === 'string') return `not co-signed: ${signer}`;
  const parts = splitNote(note);
  if (typeof parts === 'string') return `not co-signed: ${parts}`;
  const signature = signatureLine(
    signer.name,
    signer.keyHash,
    signer.sign(Buffer.from(parts.text)),
  );
  if (!options.session) return `co-signed (not posted: no --session):\n${signature.trimEnd()}`;
  const cookie = options.session.includes('=')
    ? options.session
    : `coop_session=${options.session}`;
  const session = await get(`${base}/api/session`, { headers: { cookie } });
  const { csrfToken } = (await session.json()) as { csrfToken?: string };
  const posted = await get(`${base}/api/log/cosignatures`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken ?? '' },
    body: JSON.stringify({ treeSize, signature }),
  });
  return posted.ok
    ? `co-signed as ${signer.name}`
    : `cosignature refused: ${posted.status} ${await posted.text()}`;
}
