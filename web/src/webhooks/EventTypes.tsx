import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import type { JsonSchema } from './types.ts';
import { t } from './messages.ts';

function typeText(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map(typeText).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  if (type === 'array' && schema.items)
    return t('eventTypes.listOf', { type: typeText(schema.items) });
  return schema.format ? `${type} (${schema.format})` : type;
}

interface Row {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

function rows(schema: JsonSchema, prefix = ''): Row[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([key, field]) => [
    {
      name: prefix + key,
      type: typeText(field),
      required: required.has(key),
      description: field.description ?? '',
    },
    ...(field.type === 'object' ? rows(field, `${prefix}${key}.`) : []),
    ...(field.type === 'array' && field.items?.type === 'object'
      ? rows(field.items, `${prefix}${key}[].`)
      : []),
  ]);
}

function Fields({ schema, caption }: { schema: JsonSchema; caption: string }) {
  const list = rows(schema);
  if (list.length === 0) return <p className="muted">{t('eventTypes.noFields')}</p>;
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('eventTypes.field')}</th>
          <th scope="col">{t('eventTypes.type')}</th>
          <th scope="col">{t('eventTypes.required')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr key={r.name}>
            <td data-label={t('eventTypes.field')} className="cell-url">
              <code>{r.name}</code>
              {r.description ? <span className="muted"> {r.description}</span> : null}
            </td>
            <td data-label={t('eventTypes.type')}>{r.type}</td>
            <td data-label={t('eventTypes.required')}>
              {r.required ? t('eventTypes.yes') : t('eventTypes.no')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The standard's name and its fields, as receivers spell them in any language. */
const standard = {
  name: 'Standard Webhooks',
  envelope: '{ "type", "timestamp", "data" }',
  data: 'data',
};

/** Every event the co-op records: what happens, and what a webhook receives for it. */
export function EventTypes() {
  const catalogue = useQuery('/api/events/catalogue');
  const data = catalogue.data;
  return (
    <Page title={t('eventTypes.title')}>
      <p>
        {t('eventTypes.introBefore')}{' '}
        <a href="https://www.standardwebhooks.com" rel="noopener noreferrer" lang="en">
          {standard.name}
        </a>
        {t('eventTypes.introFormat')} <code>{standard.envelope}</code>
        {t('eventTypes.introWhere')} <code>{standard.data}</code> {t('eventTypes.introAfter')}
      </p>
      {catalogue.error ? <LoadError error={catalogue.error} retry={catalogue.reload} /> : null}
      {!data && !catalogue.error ? <Loading /> : null}
      {data ? (
        <>
          <Fields schema={data.envelope} caption={t('eventTypes.envelope')} />
          {data.eventTypes.map((type) => (
            <section key={type.name} aria-labelledby={`event-${type.name}`}>
              <h2 id={`event-${type.name}`}>
                <code>{type.name}</code>
              </h2>
              <p>{type.summary}</p>
              <p className="muted">
                {t('eventTypes.about', { subject: type.subject })}{' '}
                {type.webhooks ? t('eventTypes.sent') : t('eventTypes.internal')}
              </p>
              <Fields
                schema={type.fields}
                caption={t('eventTypes.fieldsOf', { name: type.name })}
              />
            </section>
          ))}
        </>
      ) : null}
    </Page>
  );
}
