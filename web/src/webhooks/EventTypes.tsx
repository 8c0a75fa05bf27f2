import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import type { JsonSchema } from './types.ts';

function typeText(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map(typeText).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  if (type === 'array' && schema.items) return `list of ${typeText(schema.items)}`;
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
  if (list.length === 0) return <p className="muted">No fields of its own.</p>;
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Required</th>
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr key={r.name}>
            <td data-label="Field" className="cell-url">
              <code>{r.name}</code>
              {r.description ? <span className="muted"> {r.description}</span> : null}
            </td>
            <td data-label="Type">{r.type}</td>
            <td data-label="Required">{r.required ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every event the co-op records: what happens, and what a webhook receives for it. */
export function EventTypes() {
  const catalogue = useQuery('/api/events/catalogue');
  const data = catalogue.data;
  return (
    <Page title="Event types">
      <p>
        Every change to the co-op is recorded as an event. Officers can have the public ones sent to
        other systems as signed webhooks (the{' '}
        <a href="https://www.standardwebhooks.com" rel="noopener noreferrer">
          Standard Webhooks
        </a>{' '}
        format): a POST of <code>{'{ "type", "timestamp", "data" }'}</code>, where <code>data</code>{' '}
        holds the fields below after these:
      </p>
      {catalogue.error ? <LoadError error={catalogue.error} retry={catalogue.reload} /> : null}
      {!data && !catalogue.error ? <Loading /> : null}
      {data ? (
        <>
          <Fields schema={data.envelope} caption="Fields every event’s data starts with" />
          {data.eventTypes.map((t) => (
            <section key={t.name} aria-labelledby={`event-${t.name}`}>
              <h2 id={`event-${t.name}`}>
                <code>{t.name}</code>
              </h2>
              <p>{t.summary}</p>
              <p className="muted">
                About: {t.subject}.{' '}
                {t.webhooks
                  ? 'Sent to webhooks.'
                  : 'Internal: recorded in the log, not sent to webhooks.'}
              </p>
              <Fields schema={t.fields} caption={`Fields of ${t.name}`} />
            </section>
          ))}
        </>
      ) : null}
    </Page>
  );
}
