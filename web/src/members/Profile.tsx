import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { toApiError, type ApiError } from '../app/api.ts';
import {
  classLabel,
  formatDate,
  formatDateTime,
  humanize,
  memberStatuses,
  statusLabel,
} from '../app/format.ts';
import {
  CheckboxField,
  FormProblem,
  SelectField,
  Status,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import { PasswordForm } from './PasswordForm.tsx';
import type { MemberProfile, MemberStatus } from '../api/types.ts';

type RoleTitles = Record<string, string>;

function roleTitle(titles: RoleTitles, role: string): string {
  return titles[role] ?? humanize(role);
}

/** Profile: what the viewer may see of a member, and the actions their role allows. */
export function Profile({ id: idOrMe }: { id: string }) {
  const user = useUser();
  // "/members/me" is the signed-in member's own profile.
  const id = idOrMe === 'me' ? user.personId : idOrMe;
  const profile = useQuery('/api/members/{id}', { params: { path: { id } } });
  const bylaws = useQuery('/api/bylaws');
  const titles: RoleTitles = Object.fromEntries(
    (bylaws.data?.document.officers ?? []).map((o) => [o.role, o.title]),
  );
  const member = profile.data;
  const self = member?.personId === user.personId;

  return (
    <Page title={member?.displayName ?? (profile.error ? 'Member' : 'Member profile')}>
      {profile.error ? <LoadError error={profile.error} retry={profile.reload} /> : null}
      {!member && !profile.error ? <Loading /> : null}
      {member ? (
        <div className="profile">
          <div className="profile-facts">
            <section aria-labelledby="about-heading" className="card">
              <h2 id="about-heading">{self ? 'About you' : 'About'}</h2>
              <dl className="details">
                <dt>Class</dt>
                <dd>{classLabel(member.memberClass)}</dd>
                <dt>Status</dt>
                <dd>
                  {member.status ? (
                    <span className={`status status-${member.status}`}>
                      {statusLabel(member.status)}
                    </span>
                  ) : (
                    'Not a member'
                  )}
                </dd>
                <dt>Organization</dt>
                <dd>
                  {member.organizationId && member.organizationName ? (
                    <Link href={`/organizations/${member.organizationId}`}>
                      {member.organizationName}
                    </Link>
                  ) : (
                    '—'
                  )}
                </dd>
                <dt>Joined</dt>
                <dd>{member.joinedAt ? formatDate(member.joinedAt) : '—'}</dd>
                <dt>Administrator</dt>
                <dd>{member.isAdmin ? 'Yes' : 'No'}</dd>
                {member.hasPassword !== null ? (
                  <>
                    <dt>Password</dt>
                    <dd>{member.hasPassword ? 'Set' : 'Not set yet (signs in with a code)'}</dd>
                  </>
                ) : null}
              </dl>
            </section>

            <Offices member={member} titles={titles} onChange={profile.reload} />

            {member.emails ? (
              <section aria-labelledby="emails-heading" className="card">
                <h2 id="emails-heading">Email addresses</h2>
                <ul className="plain-list">
                  {member.emails.map((e) => (
                    <li key={e.id}>
                      <span className="cell-email">{e.email}</span>{' '}
                      {e.isPrimary ? <span className="badge">Primary</span> : null}{' '}
                      {e.verifiedAt ? (
                        <span className="badge badge-ok">Verified</span>
                      ) : (
                        <span className="badge badge-warn">Not verified</span>
                      )}
                    </li>
                  ))}
                </ul>
                {self ? <AddEmailForm onAdded={profile.reload} /> : null}
              </section>
            ) : null}

            {member.statusHistory ? (
              <section aria-labelledby="history-heading" className="card">
                <h2 id="history-heading">Status history</h2>
                {member.statusHistory.length === 0 ? (
                  <p className="muted">No changes recorded.</p>
                ) : (
                  <table className="responsive-table">
                    <caption className="visually-hidden">Membership status changes</caption>
                    <thead>
                      <tr>
                        <th scope="col">When</th>
                        <th scope="col">Change</th>
                        <th scope="col">Reason</th>
                      </tr>
                    </thead>
                    <tbody>
                      {member.statusHistory.map((h, i) => (
                        <tr key={`${h.changedAt}-${i}`}>
                          <td data-label="When">{formatDateTime(h.changedAt)}</td>
                          <td data-label="Change">
                            {h.fromStatus ? `${statusLabel(h.fromStatus)} → ` : ''}
                            {statusLabel(h.toStatus)}
                          </td>
                          <td data-label="Reason">
                            {h.reason ?? <span className="muted">—</span>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            ) : null}
          </div>
          <div className="profile-actions">
            {self ? <OwnSettings member={member} onChange={profile.reload} /> : null}
            {!self && user.can.changeOthersStatus ? (
              <ManageMember member={member} titles={titles} onChange={profile.reload} />
            ) : null}
          </div>
        </div>
      ) : null}
    </Page>
  );
}

function Offices({
  member,
  titles,
  onChange,
}: {
  member: MemberProfile;
  titles: RoleTitles;
  onChange: () => void;
}) {
  const user = useUser();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const endTerm = async (termId: string, title: string) => {
    if (busyId) return;
    setBusyId(termId);
    setProblem(null);
    setMessage(null);
    try {
      await api.post('/api/officer-terms/{id}/end', { params: { path: { id: termId } } });
      setMessage(`The ${title} term was ended today.`);
      onChange();
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="offices-heading" className="card">
      <h2 id="offices-heading">Offices</h2>
      {member.offices.length === 0 ? (
        <p className="muted">No offices held.</p>
      ) : (
        <table className="responsive-table">
          <caption className="visually-hidden">Offices held, with their terms</caption>
          <thead>
            <tr>
              <th scope="col">Office</th>
              <th scope="col">Term</th>
              <th scope="col">State</th>
              {user.can.appointOfficers ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {member.offices.map((o) => {
              const title = roleTitle(titles, o.role);
              return (
                <tr key={o.id}>
                  <td data-label="Office" className="cell-title">
                    {title}
                  </td>
                  <td data-label="Term">
                    {formatDate(o.startsOn)} – {formatDate(o.endsOn)}
                  </td>
                  <td data-label="State">
                    {o.current
                      ? 'Current'
                      : o.endedEarlyOn
                        ? `Ended early on ${formatDate(o.endedEarlyOn)}`
                        : 'Ended'}
                  </td>
                  {user.can.appointOfficers ? (
                    <td data-label="Actions">
                      {o.current ? (
                        <button
                          type="button"
                          className="button small danger"
                          aria-disabled={busyId === o.id || undefined}
                          onClick={() => endTerm(o.id, title)}
                        >
                          End term<span className="visually-hidden"> as {title}</span>
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem.problem.detail}</p>
        </div>
      ) : null}
      <Status message={message} />
    </section>
  );
}

function AddEmailForm({ onAdded }: { onAdded: () => void }) {
  const form = useForm();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const onSubmit = form.submit(async () => {
    setSentTo(null);
    await api.post('/api/auth/emails', { body: { email: email.trim() } });
    setSentTo(email.trim());
    setEmail('');
    onAdded();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>Add an email address</h3>
      <FormProblem problem={form.problem} fields={['email']} />
      <TextField
        label="New email address"
        type="email"
        value={email}
        onChange={setEmail}
        required
        autoComplete="email"
        error={form.error('email')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          Add address
        </SubmitButton>
      </div>
      <Status
        message={sentTo ? `A confirmation link was mailed to ${sentTo}. Open it to verify.` : null}
      />
    </form>
  );
}

function OwnSettings({ member, onChange }: { member: MemberProfile; onChange: () => void }) {
  const { refresh } = useSession();
  const user = useUser();
  const form = useForm();
  const [name, setName] = useState(member.displayName);
  const [saved, setSaved] = useState(false);
  const onSubmit = form.submit(async () => {
    setSaved(false);
    await api.patch('/api/members/{id}', {
      params: { path: { id: member.personId } },
      body: { displayName: name.trim() },
    });
    setSaved(true);
    onChange();
    await refresh();
  });
  return (
    <section aria-labelledby="settings-heading" className="card">
      <h2 id="settings-heading">Your settings</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
        <FormProblem problem={form.problem} fields={['displayName']} />
        <TextField
          label="Display name"
          value={name}
          onChange={setName}
          required
          autoComplete="name"
          error={form.error('displayName')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy} className="button">
            Save name
          </SubmitButton>
        </div>
        <Status message={saved ? 'Name saved.' : null} />
      </form>
      <DigestSetting />
      <div className="inline-form">
        <h3>{user.hasPassword ? 'Change your password' : 'Choose a password'}</h3>
        <PasswordForm
          hasPassword={user.hasPassword}
          submitLabel={user.hasPassword ? 'Change password' : 'Save password'}
          onDone={async () => {
            await refresh();
            onChange();
          }}
        />
      </div>
    </section>
  );
}

/** The weekly mail of what needs the member: on by default, switched off here. */
function DigestSetting() {
  const todo = useQuery('/api/todo');
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!todo.data) return null;
  return (
    <div className="inline-form">
      <h3>Reminders</h3>
      <CheckboxField
        label="Mail me on Mondays what the co-op is waiting for from me"
        hint="Only when something waits: votes, surveys, claims to approve…"
        checked={todo.data.weeklyDigest}
        onChange={async (weekly) => {
          setMessage(null);
          setProblem(null);
          try {
            await api.post('/api/todo/digest', { body: { weekly } });
            setMessage(weekly ? 'The weekly reminder is on.' : 'The weekly reminder is off.');
            todo.reload();
          } catch (error) {
            setProblem(toApiError(error).problem.detail ?? 'Not saved.');
          }
        }}
      />
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <Status message={message} />
    </div>
  );
}

function ManageMember({
  member,
  titles,
  onChange,
}: {
  member: MemberProfile;
  titles: RoleTitles;
  onChange: () => void;
}) {
  const user = useUser();
  const official =
    (member.isAdmin && member.status === 'active') || member.offices.some((o) => o.current);
  return (
    <section aria-labelledby="manage-heading" className="card">
      <h2 id="manage-heading">Manage this member</h2>
      {!member.status ? null : official && !user.isAdmin ? (
        <p className="muted">
          {member.displayName} is an officer or an administrator: only an administrator changes
          their status.
        </p>
      ) : (
        <ChangeStatusForm member={member} onChange={onChange} />
      )}
      <RegistrationCode member={member} />
      {user.can.appointOfficers && member.status === 'active' ? (
        <AppointOfficerForm member={member} titles={titles} onChange={onChange} />
      ) : null}
      {user.can.grantAdmin ? <AdminToggle member={member} onChange={onChange} /> : null}
    </section>
  );
}

function ChangeStatusForm({ member, onChange }: { member: MemberProfile; onChange: () => void }) {
  const form = useForm();
  const others = memberStatuses.filter((s) => s !== member.status);
  const [picked, setStatus] = useState<MemberStatus>(others[0] ?? 'active');
  // After a change the member's status is no longer an option: fall back to the first one.
  const status = others.includes(picked) ? picked : (others[0] ?? 'active');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.submit(async () => {
    setMessage(null);
    await api.post('/api/members/{id}/status', {
      params: { path: { id: member.personId } },
      body: { status, reason: reason.trim() },
    });
    setMessage(`Status changed to ${statusLabel(status)}.`);
    setReason('');
    onChange();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>Change membership status</h3>
      <p className="muted">
        Now: {member.status ? statusLabel(member.status) : '—'}. Suspended members cannot sign in.
      </p>
      <FormProblem problem={form.problem} fields={['status', 'reason']} />
      <SelectField
        label="New status"
        value={status}
        onChange={(v) => setStatus(v as MemberStatus)}
        options={others.map((s) => ({ value: s, label: statusLabel(s) }))}
        error={form.error('status')}
      />
      <TextAreaField
        label="Reason"
        hint="Recorded in the member’s status history (at least 3 characters)."
        value={reason}
        onChange={setReason}
        required
        rows={2}
        error={form.error('reason')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          Change status
        </SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}

function RegistrationCode({ member }: { member: MemberProfile }) {
  const form = useForm();
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const onSubmit = form.submit(async () => {
    setMailedTo(null);
    const result = await api.post('/api/members/{id}/registration-code', {
      params: { path: { id: member.personId } },
    });
    setMailedTo(result.mailedTo);
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>Registration code</h3>
      <p className="muted">
        Mails {member.displayName} a new one-time code to sign in with, for example after they lost
        their password and their mail.
      </p>
      <FormProblem problem={form.problem} />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          Send a new registration code
        </SubmitButton>
      </div>
      <Status message={mailedTo ? `A new code was mailed to ${mailedTo}.` : null} />
    </form>
  );
}

function AppointOfficerForm({
  member,
  titles,
  onChange,
}: {
  member: MemberProfile;
  titles: RoleTitles;
  onChange: () => void;
}) {
  const form = useForm();
  const roles = Object.keys(titles);
  const [role, setRole] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const chosen = role || roles[0] || '';
  const onSubmit = form.submit(async () => {
    setMessage(null);
    const term = await api.post('/api/members/{id}/officer-terms', {
      params: { path: { id: member.personId } },
      body: { role: chosen, ...(startsOn ? { startsOn } : {}) },
    });
    setMessage(
      `Appointed ${roleTitle(titles, term.role)} from ${formatDate(term.startsOn)} to ${formatDate(term.endsOn)}.`,
    );
    onChange();
  });
  if (roles.length === 0) return null;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>Appoint as officer</h3>
      <FormProblem problem={form.problem} fields={['role', 'startsOn']} />
      <div className="field-row">
        <SelectField
          label="Office"
          value={chosen}
          onChange={setRole}
          options={roles.map((r) => ({ value: r, label: roleTitle(titles, r) }))}
          error={form.error('role')}
        />
        <TextField
          label="Starts on (optional)"
          type="date"
          hint="Today if left empty. The bylaws set the term’s length."
          value={startsOn}
          onChange={setStartsOn}
          error={form.error('startsOn')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          Appoint
        </SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}

function AdminToggle({ member, onChange }: { member: MemberProfile; onChange: () => void }) {
  const form = useForm();
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.submit(async () => {
    setMessage(null);
    await api.post('/api/members/{id}/admin', {
      params: { path: { id: member.personId } },
      body: { isAdmin: !member.isAdmin, reason: reason.trim() },
    });
    setMessage(
      member.isAdmin
        ? `${member.displayName} is no longer an administrator.`
        : `${member.displayName} is now an administrator.`,
    );
    setReason('');
    onChange();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>Administrator</h3>
      <p className="muted">
        {member.isAdmin
          ? `${member.displayName} can administer the co-op. The last active administrator cannot be removed.`
          : `${member.displayName} is not an administrator.`}
      </p>
      <FormProblem problem={form.problem} fields={['reason']} />
      <TextAreaField
        label="Reason for the change"
        hint="Recorded in the event log (at least 3 characters)."
        value={reason}
        onChange={setReason}
        required
        rows={2}
        error={form.error('reason')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className={member.isAdmin ? 'button danger' : 'button'}>
          {member.isAdmin ? 'Revoke administrator rights' : 'Make administrator'}
        </SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}
