import { Mail, Send } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { toApiError, type ApiError } from '../app/api.ts';
import { classLabel, formatDate, memberClasses } from '../app/format.ts';
import { FormProblem, SelectField, Status, SubmitButton, TextField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { inviteInputSchema } from '../../../src/members/invitationInput.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery, type QueryState } from '../app/useQuery.ts';
import type { OrganizationSummary } from '../api/types.ts';
import { ImportMembers } from './ImportMembers.tsx';
import type { InvitationSummary, MemberClass } from '../api/types.ts';
import { t } from './messages.ts';

/** Invite by email (admins and officers), the invitations so far, and the CSV import (admins). */
export function Invitations() {
  const user = useUser();
  const invitations = useQuery('/api/invitations');
  const organizations = useQuery('/api/organizations');
  const orgNames = new Map(
    (organizations.data?.organizations ?? []).map((o) => [o.id, o.displayName]),
  );

  return (
    <Page title={t('invitations.title')}>
      {invitations.error?.status === 403 ? (
        <LoadError error={invitations.error} />
      ) : (
        <>
          <InviteForm
            organizations={organizations.data?.organizations ?? []}
            onInvited={invitations.reload}
          />
          <InvitationList state={invitations} orgNames={orgNames} onChange={invitations.reload} />
          {user.can.importMembers ? <ImportMembers /> : null}
        </>
      )}
    </Page>
  );
}

function InviteForm({
  organizations,
  onInvited,
}: {
  organizations: OrganizationSummary[];
  onInvited: () => void;
}) {
  // The route's own schema: a mistake shows beside its field before anything is sent.
  const form = useZodForm(inviteInputSchema);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [memberClass, setMemberClass] = useState<MemberClass>('community');
  const [organizationId, setOrganizationId] = useState('');
  const [invited, setInvited] = useState<{ email: string; link: string } | null>(null);

  const onSubmit = form.submitValid(
    () => ({
      email: email.trim(),
      memberClass,
      ...(name.trim() ? { displayName: name.trim() } : {}),
      ...(organizationId ? { organizationId } : {}),
    }),
    async (body) => {
      setInvited(null);
      const result = await api.post('/api/invitations', { body });
      setInvited({ email: body.email, link: result.link });
      setEmail('');
      setName('');
      onInvited();
    },
  );

  const orgOptions = [
    {
      value: '',
      label:
        memberClass === 'sponsor' ? t('invitations.chooseOrganization') : t('invitations.none'),
    },
    ...organizations.map((o) => ({ value: o.id, label: o.displayName })),
  ];

  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">{t('invitations.invite')}</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem
          problem={form.problem}
          fields={['email', 'displayName', 'memberClass', 'organizationId']}
        />
        <div className="field-row">
          <TextField
            label={t('invitations.email')}
            type="email"
            value={email}
            onChange={setEmail}
            required
            autoComplete="off"
            className="grow"
            error={form.error('email')}
          />
          <TextField
            label={t('invitations.name')}
            value={name}
            onChange={setName}
            autoComplete="off"
            className="grow"
            error={form.error('displayName')}
          />
        </div>
        <div className="field-row">
          <SelectField
            label={t('invitations.memberClass')}
            value={memberClass}
            onChange={(v) => setMemberClass(v as MemberClass)}
            options={memberClasses.map((c) => ({ value: c, label: classLabel(c) }))}
            error={form.error('memberClass')}
          />
          <SelectField
            label={
              memberClass === 'sponsor'
                ? t('invitations.organizationRequired')
                : t('invitations.organization')
            }
            hint={t('invitations.organizationHint')}
            value={organizationId}
            onChange={setOrganizationId}
            options={orgOptions}
            required={memberClass === 'sponsor'}
            className="grow"
            error={form.error('organizationId')}
          />
        </div>
        <div className="form-actions">
          <SubmitButton
            busy={form.busy}
            icon={<Send className="icon" aria-hidden="true" size={18} />}
          >
            {t('invitations.send')}
          </SubmitButton>
        </div>
      </form>
      {invited ? <InvitationLink email={invited.email} link={invited.link} /> : null}
    </section>
  );
}

function InvitationLink({ email, link }: { email: string; link: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t('invitations.copied'));
    } catch {
      input.current?.select();
      setCopied(t('invitations.copyByHand'));
    }
  };
  return (
    <div className="notice notice-success invitation-result">
      <p role="status">
        <strong>{email}</strong> {t('invitations.invitedMailed')}
      </p>
      <div className="copy-row">
        <label htmlFor="invitation-link" className="visually-hidden">
          {t('invitations.linkFor', { email })}
        </label>
        <input
          ref={input}
          id="invitation-link"
          className="invitation-link"
          readOnly
          value={link}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={copy}>
          {t('invitations.copy')}
        </button>
      </div>
      <Status message={copied} />
    </div>
  );
}

function InvitationList({
  state,
  orgNames,
  onChange,
}: {
  state: QueryState<{ invitations: InvitationSummary[] }>;
  orgNames: Map<string, string>;
  onChange: () => void;
}) {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const list = state.data?.invitations ?? [];

  const revoke = async (invitation: InvitationSummary) => {
    if (busyId) return;
    setBusyId(invitation.id);
    setProblem(null);
    setMessage(null);
    try {
      await api.post('/api/invitations/{id}/revoke', { params: { path: { id: invitation.id } } });
      setMessage(t('invitations.revoked', { email: invitation.email }));
      onChange();
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="list-heading" className="card">
      <h2 id="list-heading">{t('invitations.sent')}</h2>
      {state.error ? <LoadError error={state.error} retry={state.reload} /> : null}
      {!state.data && !state.error ? <Loading /> : null}
      {state.data && list.length === 0 ? (
        <EmptyState
          title={t('invitations.noneYet')}
          next={t('invitations.noneYetNext')}
          icon={Mail}
        />
      ) : null}
      {list.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('invitations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invitations.email')}</th>
              <th scope="col">{t('invitations.class')}</th>
              <th scope="col">{t('invitations.state')}</th>
              <th scope="col">{t('invitations.sentOn')}</th>
              <th scope="col">{t('invitations.expires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('invitations.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <td data-label={t('invitations.email')} className="cell-title cell-email">
                  {i.email}
                  {i.displayName ? <span className="muted"> ({i.displayName})</span> : null}
                </td>
                <td data-label={t('invitations.class')}>
                  {classLabel(i.memberClass)}
                  {i.organizationId ? (
                    <span className="muted">
                      {' '}
                      · {orgNames.get(i.organizationId) ?? t('invitations.anOrganization')}
                    </span>
                  ) : null}
                </td>
                <td data-label={t('invitations.state')}>
                  <span className={`status status-${i.state}`}>
                    {t(`invitations.states.${i.state}`)}
                  </span>
                </td>
                <td data-label={t('invitations.sentOn')}>{formatDate(i.createdAt)}</td>
                <td data-label={t('invitations.expires')}>{formatDate(i.expiresAt)}</td>
                <td className="cell-actions">
                  {i.state === 'pending' ? (
                    <button
                      type="button"
                      className="button small danger"
                      aria-disabled={busyId === i.id || undefined}
                      onClick={() => revoke(i)}
                    >
                      {t('invitations.revoke')}
                      <span className="visually-hidden">
                        {t('invitations.revokeOf', { email: i.email })}
                      </span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem.message}</p>
        </div>
      ) : null}
      <Status message={message} />
    </section>
  );
}
