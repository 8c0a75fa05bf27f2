import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { parseCsvRecords } from '../../platform/csv.ts';
import { badRequest, type FieldError } from '../../platform/errors.ts';
import { jsonReason } from '../../platform/reasons.ts';
import { issueFieldError } from '../../platform/issueFacts.ts';
import { workItemProposed } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { sliceClasses, workItemKinds, workItems } from '../schema.ts';
import { insertWorkItem } from './proposeWorkItem.ts';
import { workItemInputSchema, type WorkItemInput } from '../workItemInput.ts';

export const importWorkItemsInputSchema = z
  .strictObject({
    format: z.enum(['csv', 'github']),
    content: z.string().min(1).max(20_000_000),
    cycleId: z.uuid().optional(),
    /** For GitHub issues, which carry no slice or estimate of their own. */
    originClass: z.enum(sliceClasses).default('community'),
    defaultEstimateHours: z.number().int().min(1).max(10_000).default(8),
  })
  .meta({ id: 'WorkItemImport' });

const githubIssue = z.looseObject({
  title: z.string(),
  body: z.string().nullish(),
  html_url: z.url(),
  labels: z.array(z.union([z.string(), z.looseObject({ name: z.string() })])).default([]),
  pull_request: z.unknown().optional(),
});

interface Candidate {
  item: WorkItemInput;
  ref: string | undefined;
  line: number;
}

function fromCsv(
  content: string,
  cycleId: string | undefined,
): { candidates: Candidate[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const records = parseCsvRecords(content);
  const list = (v: string | undefined) =>
    v
      ? v
          .split(';')
          .map((x) => x.trim())
          .filter(Boolean)
      : [];
  const candidates = records.flatMap((r, i) => {
    const item = {
      cycleId,
      title: r.title ?? '',
      description: r.description ?? '',
      kind: (r.kind ?? '') as (typeof workItemKinds)[number],
      originClass: (r.origin ?? r.origin_class ?? '') as (typeof sliceClasses)[number],
      topics: list(r.topics),
      links: list(r.links),
      estimateHours: Number(r.estimate_hours),
    };
    const result = workItemInputSchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push(
          issueFieldError(`/lines/${i + 2}/${issue.path.join('.')}`, issue, { line: i + 2 }),
        );
      return [];
    }
    return [{ item, ref: r.ref || undefined, line: i + 2 }];
  });
  return { candidates, errors };
}

/** A GitHub issues export (the REST API's JSON); pull requests are skipped; labels become topics. */
function fromGithub(content: string, input: z.infer<typeof importWorkItemsInputSchema>) {
  const errors: FieldError[] = [];
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    // JSON.parse's reason, and where the text goes wrong, for the web to word.
    const reason = jsonReason(content, error);
    throw badRequest(`The file is not JSON: ${reason.reason}`).because('file.not-json', reason);
  }
  if (!Array.isArray(data))
    throw badRequest('A GitHub issues export is a JSON array of issues.').because(
      'work-item.not-github-export',
    );
  const candidates = data.flatMap((raw, i): Candidate[] => {
    const result = githubIssue.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push(
          issueFieldError(`/issues/${i}/${issue.path.join('/')}`, issue, { issue: i + 1 }),
        );
      return [];
    }
    const issue = result.data;
    if (issue.pull_request) return [];
    const labels = issue.labels.map((l) => (typeof l === 'string' ? l : l.name).toLowerCase());
    const estimate = labels.map((l) => /^estimate:\s*(\d+)h?$/.exec(l)?.[1]).find(Boolean);
    return [
      {
        item: {
          cycleId: input.cycleId,
          title: issue.title.slice(0, 300),
          description: (issue.body ?? '').slice(0, 20_000),
          kind: labels.includes('bug') ? 'bug' : 'feature',
          originClass: input.originClass,
          topics: labels.filter((l) => !l.startsWith('estimate:')).slice(0, 20),
          links: [issue.html_url],
          estimateHours: estimate ? Number(estimate) : input.defaultEstimateHours,
        },
        ref: issue.html_url,
        line: i,
      },
    ];
  });
  return { candidates, errors };
}

/** Imports items whole or not at all; an item already imported (same reference) is skipped. */
export const importWorkItems = defineCommand({
  name: 'governance.importWorkItems',
  input: importWorkItemsInputSchema,
  policy: governancePolicy.curateItems,
  denied: 'Hackers and the chief technologist import items.',
  events: [workItemProposed],
  // The file is read before the transaction opens: PGlite would wait behind a large one.
  prepare: (input) => {
    const { candidates, errors } =
      input.format === 'csv'
        ? fromCsv(input.content, input.cycleId)
        : fromGithub(input.content, input);
    if (errors.length > 0)
      throw badRequest(
        `The file has ${errors.length} problem(s); nothing was imported.`,
        errors,
      ).because('import.lines', { count: errors.length });
    return Promise.resolve(candidates);
  },
  async run(tx, input, ctx, candidates) {
    const coopId = ctx.coopId;
    const refs = candidates.flatMap((c) => (c.ref ? [c.ref] : []));
    const existing = refs.length
      ? await tx
          .select({ ref: workItems.externalRef })
          .from(workItems)
          .where(and(eq(workItems.coopId, coopId), inArray(workItems.externalRef, refs)))
      : [];
    const seen = new Set(existing.map((e) => e.ref));
    const created: string[] = [];
    for (const c of candidates) {
      if (c.ref && seen.has(c.ref)) continue;
      created.push(
        await insertWorkItem(tx, ctx, c.item, {
          externalRef: c.ref,
          via: `import-${input.format}`,
        }),
      );
      if (c.ref) seen.add(c.ref);
    }
    return { created: created.length, skipped: candidates.length - created.length };
  },
});
