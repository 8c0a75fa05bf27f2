import { useState } from 'react';
import { api, asEntered } from '../api/client.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
  type FormState,
} from '../app/forms.tsx';
import {
  itemStatusLabels,
  kindLabels,
  sliceLabels,
  slicePossessive,
  slices,
  workItemKinds,
  hours as formatHours,
} from './labels.ts';
import type { Slice, WorkItem, WorkItemKind } from '../api/types.ts';

/** The first error of a field or of any of its elements ("topics" or "topics.2"). */
export function errorOf(form: FormState, key: string): string | undefined {
  const own = form.error(key);
  if (own) return own;
  const fieldErrors = form.problem?.fieldErrors ?? {};
  const nested = Object.keys(fieldErrors).find((k) => k.startsWith(`${key}.`));
  return nested ? fieldErrors[nested] : undefined;
}

/** Whether a field key belongs to one of the given fields (itself or an element of it). */
export function claimedKeys(form: FormState, keys: readonly string[]): string[] {
  const fieldErrors = Object.keys(form.problem?.fieldErrors ?? {});
  return fieldErrors.filter((k) => keys.some((f) => k === f || k.startsWith(`${f}.`)));
}

function ItemTable({ items, slice }: { items: WorkItem[]; slice: Slice }) {
  return (
    <table className="responsive-table item-table">
      <caption className="visually-hidden">Work items of the {sliceLabels[slice]} slice</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Estimate
          </th>
          <th scope="col">Proposed by</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td data-label="Item" className="cell-title">
              <span className="item-title">{item.title}</span>
              {item.description ? <p className="item-description">{item.description}</p> : null}
              {item.topics.length > 0 ? (
                <ul className="topic-list" aria-label="Topics">
                  {item.topics.map((t) => (
                    <li key={t} className="topic">
                      {t}
                    </li>
                  ))}
                </ul>
              ) : null}
              {item.links.length > 0 ? (
                <ul className="plain-list item-links">
                  {item.links.map((l) => (
                    <li key={l} className="cell-url">
                      <a href={l} rel="noopener noreferrer">
                        {l.replace(/^https?:\/\//, '')}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </td>
            <td data-label="Kind">{kindLabels[item.kind] ?? item.kind}</td>
            <td data-label="Estimate" className="num">
              {formatHours(item.estimateHours)}
            </td>
            <td data-label="Proposed by">
              {item.proposedByName ?? '—'}
              {item.organizationName ? (
                <span className="muted"> ({item.organizationName})</span>
              ) : null}
            </td>
            <td data-label="Status">
              <span className={`status item-${item.status}`}>
                {itemStatusLabels[item.status] ?? item.status}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The cycle's proposed work, one group per slice of the pie. */
export function ItemsBySlice({ items }: { items: WorkItem[] }) {
  const shown = items.filter((i) => i.status !== 'merged' && i.status !== 'split');
  return (
    <section aria-labelledby="items-heading" className="card">
      <h2 id="items-heading">Work items</h2>
      {slices.map((slice) => {
        const list = shown.filter((i) => i.originClass === slice);
        const estimate = list.reduce((s, i) => s + i.estimateHours, 0);
        return (
          <section key={slice} aria-labelledby={`items-${slice}`} className="slice-group">
            <h3 id={`items-${slice}`}>
              <span className={`swatch swatch-${slice}`} aria-hidden="true" />
              {slicePossessive[slice]} slice{' '}
              <span className="muted heading-note">
                {list.length} item{list.length === 1 ? '' : 's'}, {formatHours(estimate)} estimated
              </span>
            </h3>
            {list.length === 0 ? (
              <p className="muted">No items proposed yet.</p>
            ) : (
              <ItemTable items={list} slice={slice} />
            )}
          </section>
        );
      })}
    </section>
  );
}

const fields = ['title', 'description', 'kind', 'originClass', 'topics', 'links', 'estimateHours'];

/**
 * A member proposes an item for their own class's slice; administrators and officers may
 * propose for any slice.
 */
export function ProposeItemForm({
  cycleId,
  allowedSlices,
  onProposed,
}: {
  cycleId: string;
  allowedSlices: readonly Slice[];
  onProposed: () => void;
}) {
  const form = useForm();
  const [slice, setSlice] = useState<Slice>(allowedSlices[0]!);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<WorkItemKind>('feature');
  const [estimate, setEstimate] = useState<number | ''>('');
  const [topics, setTopics] = useState('');
  const [links, setLinks] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const onSubmit = form.submit(async () => {
    setMessage(null);
    await api.post('/api/work-items', {
      body: asEntered({
        cycleId,
        title: title.trim(),
        description: description.trim(),
        kind,
        originClass: slice,
        topics: topics
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        links: links
          .split(/\s+/)
          .map((l) => l.trim())
          .filter(Boolean),
        ...(estimate === '' ? {} : { estimateHours: estimate }),
      }),
    });
    setMessage(`“${title.trim()}” is proposed for the ${sliceLabels[slice]} slice.`);
    setTitle('');
    setDescription('');
    setEstimate('');
    setTopics('');
    setLinks('');
    onProposed();
  });

  const heading =
    allowedSlices.length === 1
      ? `Propose an item for the ${sliceLabels[allowedSlices[0]!]} slice`
      : 'Propose an item';
  return (
    <section aria-labelledby="propose-heading" className="card">
      <h2 id="propose-heading">{heading}</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={claimedKeys(form, fields)} />
        {allowedSlices.length > 1 ? (
          <SelectField
            label="Slice"
            hint="Administrators and officers may propose for any slice."
            value={slice}
            onChange={(v) => setSlice(v as Slice)}
            options={allowedSlices.map((s) => ({ value: s, label: sliceLabels[s] }))}
            error={form.error('originClass')}
          />
        ) : null}
        <TextField
          label="Title"
          value={title}
          onChange={setTitle}
          required
          autoComplete="off"
          error={form.error('title')}
        />
        <TextAreaField
          label="Description (optional)"
          value={description}
          onChange={setDescription}
          rows={3}
          error={form.error('description')}
        />
        <div className="field-row">
          <SelectField
            label="Kind"
            value={kind}
            onChange={(v) => setKind(v as WorkItemKind)}
            options={workItemKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
            error={form.error('kind')}
          />
          <NumberField
            label="Estimate (hours)"
            hint="The item never gets more hours than this."
            value={estimate}
            onChange={setEstimate}
            min={1}
            max={10000}
            required
            className="narrow"
            error={form.error('estimateHours')}
          />
        </div>
        <TextField
          label="Topics (optional)"
          hint="Separated by commas, such as “docs, ci”."
          value={topics}
          onChange={setTopics}
          autoComplete="off"
          error={errorOf(form, 'topics')}
        />
        <TextAreaField
          label="Links (optional)"
          hint="Web addresses starting with https://, one per line."
          value={links}
          onChange={setLinks}
          rows={2}
          error={errorOf(form, 'links')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Propose the item</SubmitButton>
        </div>
      </form>
      <Status message={message} />
    </section>
  );
}
