import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { toApiError, type ApiError } from '../app/api.ts';
import { classLabel, formatDate, memberClasses } from '../app/format.ts';
import {
  FormProblem,
  SelectField,
  Status,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery, type QueryState } from '../app/useQuery.ts';
import type { OrganizationSummary } from '../api/types.ts';
import { ImportMembers } from './ImportMembers.tsx';
import type { InvitationSummary, MemberClass } from '../api/types.ts';

const stateLabels: Record<InvitationSummary['state'], string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** Invite by email (admins and officers), the invitations so far, and the CSV import (admins). */
export function Invitations() {
  const user = useUser();
  const invitations = useQuery('/api/invitations');
  const organizations = useQuery('/api/organizations');
  const orgNames = new Map(
    (organizations.data?.organizations ?? []).map((o) => [o.id, o.displayName]),
  );

  return (
    <Page title="Invitations">
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
  const form = useForm();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [memberClass, setMemberClass] = useState<MemberClass>('community');
  const [organizationId, setOrganizationId] = useState('');
  const [invited, setInvited] = useState<{ email: string; link: string } | null>(null);

  const onSubmit = form.submit(async () => {
    setInvited(null);
    const result = await api.post('/api/invitations', {
      body: {
        email: email.trim(),
        memberClass,
        ...(name.trim() ? { displayName: name.trim() } : {}),
        ...(organizationId ? { organizationId } : {}),
      },
    });
    setInvited({ email: email.trim(), link: result.link });
    setEmail('');
    setName('');
    onInvited();
  });

  const orgOptions = [
    { value: '', label: memberClass === 'sponsor' ? 'Choose an organization…' : 'None' },
    ...organizations.map((o) => ({ value: o.id, label: o.displayName })),
  ];

  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">Invite a member</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem
          problem={form.problem}
          fields={['email', 'displayName', 'memberClass', 'organizationId']}
        />
        <div className="field-row">
          <TextField
            label="Email"
            type="email"
            value={email}
            onChange={setEmail}
            required
            autoComplete="off"
            className="grow"
            error={form.error('email')}
          />
          <TextField
            label="Name (optional)"
            value={name}
            onChange={setName}
            autoComplete="off"
            className="grow"
            error={form.error('displayName')}
          />
        </div>
        <div className="field-row">
          <SelectField
            label="Member class"
            value={memberClass}
            onChange={(v) => setMemberClass(v as MemberClass)}
            options={memberClasses.map((c) => ({ value: c, label: classLabel(c) }))}
            error={form.error('memberClass')}
          />
          <SelectField
            label={memberClass === 'sponsor' ? 'Organization (required)' : 'Organization'}
            hint="A sponsor represents an organization."
            value={organizationId}
            onChange={setOrganizationId}
            options={orgOptions}
            required={memberClass === 'sponsor'}
            className="grow"
            error={form.error('organizationId')}
          />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Send invitation</SubmitButton>
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
      setCopied('Link copied to the clipboard.');
    } catch {
      input.current?.select();
      setCopied('Select the link and copy it (Ctrl+C or ⌘C).');
    }
  };
  return (
    <div className="notice notice-success invitation-result">
      <p role="status">
        <strong>{email}</strong> is invited. The invitation was mailed; if the co-op has no mail
        server it is held in the outbox, so you can also send this link yourself:
      </p>
      <div className="copy-row">
        <label htmlFor="invitation-link" className="visually-hidden">
          Invitation link for {email}
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
          Copy link
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
      setMessage(`The invitation of ${invitation.email} was revoked.`);
      onChange();
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="list-heading" className="card">
      <h2 id="list-heading">Invitations sent</h2>
      {state.error ? <LoadError error={state.error} retry={state.reload} /> : null}
      {!state.data && !state.error ? <Loading /> : null}
      {state.data && list.length === 0 ? <p className="muted">No invitations yet.</p> : null}
      {list.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">Invitations, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Class</th>
              <th scope="col">State</th>
              <th scope="col">Sent</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <td data-label="Email" className="cell-title cell-email">
                  {i.email}
                  {i.displayName ? <span className="muted"> ({i.displayName})</span> : null}
                </td>
                <td data-label="Class">
                  {classLabel(i.memberClass)}
                  {i.organizationId ? (
                    <span className="muted">
                      {' '}
                      · {orgNames.get(i.organizationId) ?? 'organization'}
                    </span>
                  ) : null}
                </td>
                <td data-label="State">
                  <span className={`status status-${i.state}`}>{stateLabels[i.state]}</span>
                </td>
                <td data-label="Sent">{formatDate(i.createdAt)}</td>
                <td data-label="Expires">{formatDate(i.expiresAt)}</td>
                <td data-label="Actions">
                  {i.state === 'pending' ? (
                    <button
                      type="button"
                      className="button small danger"
                      aria-disabled={busyId === i.id || undefined}
                      onClick={() => revoke(i)}
                    >
                      Revoke<span className="visually-hidden"> the invitation of {i.email}</span>
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
          <p>{problem.problem.detail}</p>
        </div>
      ) : null}
      <Status message={message} />
    </section>
  );
}
