import { useState } from 'react';
import { api } from '../api/client.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { workItemInputSchema } from '../../../src/governance/workItemInput.ts';
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
import { ConsultLink } from '../concerns/ItemConsultations.tsx';
import { t } from './messages.ts';

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
      <caption className="visually-hidden">
        {t('items.caption', { slice: sliceLabels[slice] })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('items.item')}</th>
          <th scope="col">{t('items.kind')}</th>
          <th scope="col" className="num">
            {t('items.estimate')}
          </th>
          <th scope="col">{t('items.proposedBy')}</th>
          <th scope="col">{t('items.status')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td data-label={t('items.item')} className="cell-title">
              <span className="item-title">{item.title}</span> <ConsultLink id={item.id} />
              {item.description ? <p className="item-description">{item.description}</p> : null}
              {item.topics.length > 0 ? (
                <ul className="topic-list" aria-label={t('items.topics')}>
                  {item.topics.map((topic) => (
                    <li key={topic} className="topic">
                      {topic}
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
            <td data-label={t('items.kind')}>{kindLabels[item.kind] ?? item.kind}</td>
            <td data-label={t('items.estimate')} className="num">
              {formatHours(item.estimateHours)}
            </td>
            <td data-label={t('items.proposedBy')}>
              {item.proposedByName ?? '—'}
              {item.organizationName ? (
                <span className="muted"> ({item.organizationName})</span>
              ) : null}
            </td>
            <td data-label={t('items.status')}>
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
      <h2 id="items-heading">{t('items.title')}</h2>
      {slices.map((slice) => {
        const list = shown.filter((i) => i.originClass === slice);
        const estimate = list.reduce((s, i) => s + i.estimateHours, 0);
        return (
          <section key={slice} aria-labelledby={`items-${slice}`} className="slice-group">
            <h3 id={`items-${slice}`}>
              <span className={`swatch swatch-${slice}`} aria-hidden="true" />
              {t('items.sliceHeading', { owner: slicePossessive[slice] })}{' '}
              <span className="muted heading-note">
                {t('items.count', { count: list.length, hours: formatHours(estimate) })}
              </span>
            </h3>
            {list.length === 0 ? (
              <p className="muted">{t('items.none')}</p>
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
  const form = useZodForm(workItemInputSchema);
  const [slice, setSlice] = useState<Slice>(allowedSlices[0]!);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<WorkItemKind>('feature');
  const [estimate, setEstimate] = useState<number | ''>('');
  const [topics, setTopics] = useState('');
  const [links, setLinks] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const values = () => {
    setMessage(null);
    return {
      cycleId,
      title,
      description: description.trim(),
      kind,
      originClass: slice,
      topics: topics
        .split(',')
        .map((topic) => topic.trim())
        .filter(Boolean),
      links: links
        .split(/\s+/)
        .map((l) => l.trim())
        .filter(Boolean),
      ...(estimate === '' ? {} : { estimateHours: estimate }),
    };
  };
  const onSubmit = form.submitValid(values, async (body) => {
    await api.post('/api/work-items', { body });
    setMessage(t('items.proposed', { title: body.title, slice: sliceLabels[body.originClass] }));
    setTitle('');
    setDescription('');
    setEstimate('');
    setTopics('');
    setLinks('');
    onProposed();
  });

  const heading =
    allowedSlices.length === 1
      ? t('items.proposeFor', { slice: sliceLabels[allowedSlices[0]!] })
      : t('items.propose');
  return (
    <section aria-labelledby="propose-heading" className="card">
      <h2 id="propose-heading">{heading}</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={claimedKeys(form, fields)} />
        {allowedSlices.length > 1 ? (
          <SelectField
            label={t('items.slice')}
            hint={t('items.sliceHint')}
            value={slice}
            onChange={(v) => setSlice(v as Slice)}
            options={allowedSlices.map((s) => ({ value: s, label: sliceLabels[s] }))}
            error={form.error('originClass')}
          />
        ) : null}
        <TextField
          label={t('items.titleField')}
          value={title}
          onChange={setTitle}
          required
          autoComplete="off"
          error={form.error('title')}
        />
        <TextAreaField
          label={t('items.description')}
          value={description}
          onChange={setDescription}
          rows={3}
          error={form.error('description')}
        />
        <div className="field-row">
          <SelectField
            label={t('items.kind')}
            value={kind}
            onChange={(v) => setKind(v as WorkItemKind)}
            options={workItemKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
            error={form.error('kind')}
          />
          <NumberField
            label={t('items.estimateField')}
            hint={t('items.estimateHint')}
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
          label={t('items.topicsField')}
          hint={t('items.topicsHint')}
          value={topics}
          onChange={setTopics}
          autoComplete="off"
          error={errorOf(form, 'topics')}
        />
        <TextAreaField
          label={t('items.links')}
          hint={t('items.linksHint')}
          value={links}
          onChange={setLinks}
          rows={2}
          error={errorOf(form, 'links')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('items.submit')}</SubmitButton>
        </div>
      </form>
      <Status message={message} />
    </section>
  );
}
