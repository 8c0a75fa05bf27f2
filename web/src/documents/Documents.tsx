import { FileCheck } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../app/EmptyState.tsx';
import { breakAnywhere } from '../agreements/style.ts';
import { memberAcceptanceSchema, renderRequestSchema } from '../../../src/documents/paperInput.ts';
import { api } from '../api/client.ts';
import { formatDateTime } from '../app/format.ts';
import { FormProblem, SelectField, Status, SubmitButton, TextField } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { t } from './messages.ts';

type Rendered = { id: string; sha256: string; title: string };

/**
 * Papers: the templates, a document rendered for a member or a sponsor, and what was signed.
 * "What did this sponsor sign, and when" is the organization's list.
 */
export function Documents() {
  const user = useUser();
  const templates = useQuery('/api/documents/templates');
  const organizations = useQuery(user.can.renderDocuments ? '/api/organizations' : null);
  const ownOrg = user.organizationId ?? null;
  const [orgFilter, setOrgFilter] = useState('');
  const scope = user.can.renderDocuments
    ? orgFilter
      ? { organizationId: orgFilter }
      : {}
    : { personId: user.personId };
  const acceptances = useQuery('/api/documents/acceptances', { params: { query: scope } });
  const orgAcceptances = useQuery(
    !user.can.renderDocuments && ownOrg ? '/api/documents/acceptances' : null,
    { params: { query: { organizationId: ownOrg ?? undefined } } },
  );
  const form = useZodForm(renderRequestSchema);
  const accept = useZodForm(memberAcceptanceSchema);
  const [templateKey, setTemplateKey] = useState('membership-agreement');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState('');
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);

  const renderable = (templates.data?.templates ?? []).filter(
    (tpl) => tpl.key !== 'quote' && (user.can.renderDocuments || tpl.acceptedBy === 'member'),
  );
  const chosen = renderable.find((tpl) => tpl.key === templateKey);

  // A sponsor not chosen goes out as none: that a sponsor's paper names one is the command's.
  const onRender = form.submitValid(
    () => {
      const forOrganization = chosen?.acceptedBy === 'organization';
      return {
        templateKey,
        ...(forOrganization ? { organizationId: organizationId || undefined } : {}),
        ...(!forOrganization ? { personId: user.personId } : {}),
      };
    },
    async (body) => {
      const answer = await api.post('/api/documents', { body });
      setRendered({ ...answer, title: chosen?.title ?? templateKey });
      setAccepted(null);
    },
  );
  const onAccept = accept.submitValid(
    () => ({ sha256: rendered!.sha256, role: role.trim() || undefined }),
    async (body) => {
      await api.post('/api/documents/{id}/accept', {
        params: { path: { id: rendered!.id } },
        body,
      });
      setAccepted(t('accepted', { title: rendered!.title }));
      acceptances.reload();
    },
  );

  const list = [
    ...(acceptances.data?.acceptances ?? []),
    ...(orgAcceptances.data?.acceptances ?? []),
  ].filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);

  return (
    <Page title={t('title')}>
      {templates.error ? <LoadError error={templates.error} retry={templates.reload} /> : null}
      {!templates.data && !templates.error ? <Loading /> : null}
      <section className="card" aria-labelledby="documents-render">
        <h2 id="documents-render">
          {user.can.renderDocuments ? t('prepare') : t('readAndAccept')}
        </h2>
        <form ref={form.formRef} onSubmit={onRender} noValidate className="form">
          <FormProblem problem={form.problem} fields={['templateKey', 'organizationId']} />
          <SelectField
            label={t('document')}
            value={templateKey}
            onChange={setTemplateKey}
            options={renderable.map((tpl) => ({
              value: tpl.key,
              label: t('templateOption', { title: tpl.title, version: tpl.version }),
            }))}
            error={form.error('templateKey')}
          />
          {chosen ? <p className="hint">{chosen.description}</p> : null}
          {chosen?.acceptedBy === 'organization' && organizations.data ? (
            <SelectField
              label={t('forSponsor')}
              value={organizationId}
              onChange={setOrganizationId}
              options={[
                { value: '', label: t('chooseOrganization') },
                ...organizations.data.organizations.map((o) => ({
                  value: o.id,
                  label: o.legalName,
                })),
              ]}
              error={form.error('organizationId')}
            />
          ) : null}
          <SubmitButton busy={form.busy}>{t('render')}</SubmitButton>
        </form>
        {rendered ? (
          <div>
            <p style={breakAnywhere}>
              <a href={`/api/documents/${rendered.id}/pdf`}>
                {t('read', { title: rendered.title })}
              </a>
              {t('sha')}
              <code className="hash">{rendered.sha256}</code>
            </p>
            {chosen?.acceptedBy !== 'organization' || user.organizationId ? (
              <form ref={accept.formRef} onSubmit={onAccept} noValidate className="form">
                <FormProblem problem={accept.problem} fields={['role']} />
                {chosen?.acceptedBy === 'organization' ? (
                  <TextField
                    label={t('role')}
                    value={role}
                    onChange={setRole}
                    maxLength={200}
                    error={accept.error('role')}
                  />
                ) : null}
                <SubmitButton busy={accept.busy}>{t('accept')}</SubmitButton>
              </form>
            ) : null}
          </div>
        ) : null}
        <Status message={accepted} />
      </section>
      <section aria-labelledby="documents-signed">
        <h2 id="documents-signed">{t('signed')}</h2>
        {user.can.renderDocuments && organizations.data ? (
          <SelectField
            label={t('show')}
            value={orgFilter}
            onChange={setOrgFilter}
            options={[
              { value: '', label: t('every') },
              ...organizations.data.organizations.map((o) => ({ value: o.id, label: o.legalName })),
            ]}
          />
        ) : null}
        {acceptances.error ? (
          <LoadError error={acceptances.error} retry={acceptances.reload} />
        ) : null}
        {!acceptances.data && !acceptances.error ? <Loading /> : null}
        {acceptances.data && list.length === 0 ? (
          <EmptyState title={t('none')} next={t('noneNext')} icon={FileCheck} />
        ) : null}
        {list.length > 0 ? (
          <table className="responsive-table">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('document')}</th>
                <th scope="col">{t('acceptedBy')}</th>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('sha256')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id}>
                  <td data-label={t('document')}>
                    <a href={`/api/documents/${a.documentVersionId}/pdf`}>{a.title}</a>
                    {t('version', { version: a.templateVersion })}
                  </td>
                  <td data-label={t('acceptedBy')}>
                    {a.name}
                    {a.role ? `, ${a.role}` : ''} ({a.email})
                  </td>
                  <td data-label={t('when')}>
                    {formatDateTime(a.acceptedAt)}
                    {a.ip ? t('from', { ip: a.ip }) : ''}
                  </td>
                  <td data-label={t('sha256')}>
                    <code className="hash">{a.sha256.slice(0, 16)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </Page>
  );
}
