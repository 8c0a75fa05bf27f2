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
import { useZodForm } from '../app/zodForm.ts';
import {
  addEmailInputSchema,
  appointOfficerInputSchema,
  profileInputSchema,
  setAdminInputSchema,
  statusChangeInputSchema,
} from '../../../src/members/profileInput.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import { PasswordForm } from './PasswordForm.tsx';
import type { MemberProfile, MemberStatus } from '../api/types.ts';
import { t } from './messages.ts';
import { t as common } from '../app/messages.ts';
import { currentLocale } from '../app/i18n.ts';
import { asLocale, locales } from '../../../src/platform/i18n/locales.ts';
import { DateField } from '../app/DateField.tsx';

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
    <Page
      title={
        member?.displayName ?? (profile.error ? t('profile.member') : t('profile.memberProfile'))
      }
    >
      {profile.error ? <LoadError error={profile.error} retry={profile.reload} /> : null}
      {!member && !profile.error ? <Loading /> : null}
      {member ? (
        <div className="profile">
          <div className="profile-facts">
            <section aria-labelledby="about-heading" className="card">
              <h2 id="about-heading">{self ? t('profile.aboutYou') : t('profile.about')}</h2>
              <dl className="details">
                <dt>{t('profile.class')}</dt>
                <dd>{classLabel(member.memberClass)}</dd>
                <dt>{t('profile.status')}</dt>
                <dd>
                  {member.status ? (
                    <span className={`status status-${member.status}`}>
                      {statusLabel(member.status)}
                    </span>
                  ) : (
                    t('profile.notMember')
                  )}
                </dd>
                <dt>{t('profile.organization')}</dt>
                <dd>
                  {member.organizationId && member.organizationName ? (
                    <Link href={`/organizations/${member.organizationId}`}>
                      {member.organizationName}
                    </Link>
                  ) : (
                    '—'
                  )}
                </dd>
                <dt>{t('profile.joined')}</dt>
                <dd>{member.joinedAt ? formatDate(member.joinedAt) : '—'}</dd>
                <dt>{t('profile.administrator')}</dt>
                <dd>{member.isAdmin ? t('profile.yes') : t('profile.no')}</dd>
                {member.hasPassword !== null ? (
                  <>
                    <dt>{t('profile.password')}</dt>
                    <dd>
                      {member.hasPassword ? t('profile.passwordSet') : t('profile.passwordNotSet')}
                    </dd>
                  </>
                ) : null}
              </dl>
            </section>

            <Offices member={member} titles={titles} onChange={profile.reload} />

            {member.emails ? (
              <section aria-labelledby="emails-heading" className="card">
                <h2 id="emails-heading">{t('profile.emails')}</h2>
                <ul className="plain-list">
                  {member.emails.map((e) => (
                    <li key={e.id}>
                      <span className="cell-email">{e.email}</span>{' '}
                      {e.isPrimary ? <span className="badge">{t('profile.primary')}</span> : null}{' '}
                      {e.verifiedAt ? (
                        <span className="badge badge-ok">{t('profile.verified')}</span>
                      ) : (
                        <span className="badge badge-warn">{t('profile.notVerified')}</span>
                      )}
                    </li>
                  ))}
                </ul>
                {self ? <AddEmailForm onAdded={profile.reload} /> : null}
              </section>
            ) : null}

            {member.statusHistory ? (
              <section aria-labelledby="history-heading" className="card">
                <h2 id="history-heading">{t('profile.history')}</h2>
                {member.statusHistory.length === 0 ? (
                  <p className="muted">{t('profile.noChanges')}</p>
                ) : (
                  <table className="responsive-table">
                    <caption className="visually-hidden">{t('profile.historyCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('profile.when')}</th>
                        <th scope="col">{t('profile.change')}</th>
                        <th scope="col">{t('profile.reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {member.statusHistory.map((h, i) => (
                        <tr key={`${h.changedAt}-${i}`}>
                          <td data-label={t('profile.when')}>{formatDateTime(h.changedAt)}</td>
                          <td data-label={t('profile.change')}>
                            {h.fromStatus ? `${statusLabel(h.fromStatus)} → ` : ''}
                            {statusLabel(h.toStatus)}
                          </td>
                          <td data-label={t('profile.reason')}>
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
      setMessage(t('offices.termEnded', { title }));
      onChange();
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="offices-heading" className="card">
      <h2 id="offices-heading">{t('offices.title')}</h2>
      {member.offices.length === 0 ? (
        <p className="muted">{t('offices.none')}</p>
      ) : (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('offices.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('offices.office')}</th>
              <th scope="col">{t('offices.term')}</th>
              <th scope="col">{t('offices.state')}</th>
              {user.can.appointOfficers ? (
                <th scope="col">
                  <span className="visually-hidden">{t('offices.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {member.offices.map((o) => {
              const title = roleTitle(titles, o.role);
              return (
                <tr key={o.id}>
                  <td data-label={t('offices.office')} className="cell-title">
                    {title}
                  </td>
                  <td data-label={t('offices.term')}>
                    {formatDate(o.startsOn)} – {formatDate(o.endsOn)}
                  </td>
                  <td data-label={t('offices.state')}>
                    {o.current
                      ? t('offices.current')
                      : o.endedEarlyOn
                        ? t('offices.endedEarly', { date: formatDate(o.endedEarlyOn) })
                        : t('offices.ended')}
                  </td>
                  {user.can.appointOfficers ? (
                    <td className="cell-actions">
                      {o.current ? (
                        <button
                          type="button"
                          className="button small danger"
                          aria-disabled={busyId === o.id || undefined}
                          onClick={() => endTerm(o.id, title)}
                        >
                          {t('offices.endTerm')}
                          <span className="visually-hidden">
                            {t('offices.endTermAs', { title })}
                          </span>
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
  const form = useZodForm(addEmailInputSchema);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const values = () => {
    setSentTo(null);
    return { email: email.trim() };
  };
  const onSubmit = form.submitValid(values, async (body) => {
    await api.post('/api/auth/emails', { body });
    setSentTo(body.email);
    setEmail('');
    onAdded();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>{t('addEmail.title')}</h3>
      <FormProblem problem={form.problem} fields={['email']} />
      <TextField
        label={t('addEmail.label')}
        type="email"
        value={email}
        onChange={setEmail}
        required
        autoComplete="email"
        error={form.error('email')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          {t('addEmail.submit')}
        </SubmitButton>
      </div>
      <Status message={sentTo ? t('addEmail.mailed', { email: sentTo }) : null} />
    </form>
  );
}

function OwnSettings({ member, onChange }: { member: MemberProfile; onChange: () => void }) {
  const { refresh } = useSession();
  const user = useUser();
  const form = useZodForm(profileInputSchema);
  const [name, setName] = useState(member.displayName);
  const [saved, setSaved] = useState(false);
  const values = () => {
    setSaved(false);
    return { displayName: name };
  };
  const onSubmit = form.submitValid(values, async (body) => {
    await api.patch('/api/members/{id}', { params: { path: { id: member.personId } }, body });
    setSaved(true);
    onChange();
    await refresh();
  });
  return (
    <section aria-labelledby="settings-heading" className="card">
      <h2 id="settings-heading">{t('settings.title')}</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
        <FormProblem problem={form.problem} fields={['displayName']} />
        <TextField
          label={t('settings.displayName')}
          value={name}
          onChange={setName}
          required
          autoComplete="name"
          error={form.error('displayName')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy} className="button">
            {t('settings.saveName')}
          </SubmitButton>
        </div>
        <Status message={saved ? t('settings.nameSaved') : null} />
      </form>
      <LanguageSetting />
      <DigestSetting />
      <div className="inline-form">
        <h3>{user.hasPassword ? t('password.change') : t('password.choose')}</h3>
        <PasswordForm
          hasPassword={user.hasPassword}
          submitLabel={user.hasPassword ? t('password.changeButton') : t('password.saveButton')}
          onDone={async () => {
            await refresh();
            onChange();
          }}
        />
      </div>
    </section>
  );
}

/**
 * The language the member reads the co-op in (and gets mail in), the same choice as the
 * header's picker: saving it remounts the app in the new language.
 */
function LanguageSetting() {
  const { changeLocale } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="inline-form">
      <SelectField
        label={t('settings.language')}
        hint={t('settings.languageHint')}
        value={currentLocale()}
        onChange={async (next) => {
          setProblem(null);
          try {
            await changeLocale(asLocale(next));
          } catch (error) {
            setProblem(toApiError(error).problem.detail ?? t('settings.notSaved'));
          }
        }}
        options={locales.map((locale) => ({ value: locale, label: common(`languages.${locale}`) }))}
      />
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
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
      <h3>{t('settings.reminders')}</h3>
      <CheckboxField
        label={t('settings.digest')}
        hint={t('settings.digestHint')}
        checked={todo.data.weeklyDigest}
        onChange={async (weekly) => {
          setMessage(null);
          setProblem(null);
          try {
            await api.post('/api/todo/digest', { body: { weekly } });
            setMessage(weekly ? t('settings.digestOn') : t('settings.digestOff'));
            todo.reload();
          } catch (error) {
            setProblem(toApiError(error).problem.detail ?? t('settings.notSaved'));
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
      <h2 id="manage-heading">{t('manage.title')}</h2>
      {!member.status ? null : official && !user.isAdmin ? (
        <p className="muted">{t('manage.officialOnlyAdmin', { name: member.displayName })}</p>
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
  const form = useZodForm(statusChangeInputSchema);
  const others = memberStatuses.filter((s) => s !== member.status);
  const [picked, setStatus] = useState<MemberStatus>(others[0] ?? 'active');
  // After a change the member's status is no longer an option: fall back to the first one.
  const status = others.includes(picked) ? picked : (others[0] ?? 'active');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const values = () => {
    setMessage(null);
    return { status, reason };
  };
  const onSubmit = form.submitValid(values, async (body) => {
    await api.post('/api/members/{id}/status', {
      params: { path: { id: member.personId } },
      body,
    });
    setMessage(t('manage.statusChanged', { status: statusLabel(body.status) }));
    setReason('');
    onChange();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>{t('manage.changeStatus')}</h3>
      <p className="muted">
        {t('manage.now', { status: member.status ? statusLabel(member.status) : '—' })}
      </p>
      <FormProblem problem={form.problem} fields={['status', 'reason']} />
      <SelectField
        label={t('manage.newStatus')}
        value={status}
        onChange={(v) => setStatus(v as MemberStatus)}
        options={others.map((s) => ({ value: s, label: statusLabel(s) }))}
        error={form.error('status')}
      />
      <TextAreaField
        label={t('manage.reason')}
        hint={t('manage.reasonHint')}
        value={reason}
        onChange={setReason}
        required
        rows={2}
        error={form.error('reason')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          {t('manage.submitStatus')}
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
      <h3>{t('manage.code')}</h3>
      <p className="muted">{t('manage.codeExplain', { name: member.displayName })}</p>
      <FormProblem problem={form.problem} />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          {t('manage.sendCode')}
        </SubmitButton>
      </div>
      <Status message={mailedTo ? t('manage.codeMailed', { email: mailedTo }) : null} />
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
  const form = useZodForm(appointOfficerInputSchema);
  const roles = Object.keys(titles);
  const [role, setRole] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const chosen = role || roles[0] || '';
  const values = () => {
    setMessage(null);
    return { role: chosen, ...(startsOn ? { startsOn } : {}) };
  };
  const onSubmit = form.submitValid(values, async (body) => {
    const term = await api.post('/api/members/{id}/officer-terms', {
      params: { path: { id: member.personId } },
      body,
    });
    setMessage(
      t('manage.appointed', {
        office: roleTitle(titles, term.role),
        from: formatDate(term.startsOn),
        to: formatDate(term.endsOn),
      }),
    );
    onChange();
  });
  if (roles.length === 0) return null;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>{t('manage.appoint')}</h3>
      <FormProblem problem={form.problem} fields={['role', 'startsOn']} />
      <div className="field-row">
        <SelectField
          label={t('manage.office')}
          value={chosen}
          onChange={setRole}
          options={roles.map((r) => ({ value: r, label: roleTitle(titles, r) }))}
          error={form.error('role')}
        />
        <DateField
          label={t('manage.startsOn')}
          hint={t('manage.startsOnHint')}
          value={startsOn}
          onChange={setStartsOn}
          error={form.error('startsOn')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          {t('manage.appointButton')}
        </SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}

function AdminToggle({ member, onChange }: { member: MemberProfile; onChange: () => void }) {
  const form = useZodForm(setAdminInputSchema);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const values = () => {
    setMessage(null);
    return { isAdmin: !member.isAdmin, reason };
  };
  const onSubmit = form.submitValid(values, async (body) => {
    await api.post('/api/members/{id}/admin', {
      params: { path: { id: member.personId } },
      body,
    });
    setMessage(
      member.isAdmin
        ? t('manage.noLongerAdmin', { name: member.displayName })
        : t('manage.nowAdmin', { name: member.displayName }),
    );
    setReason('');
    onChange();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>{t('manage.admin')}</h3>
      <p className="muted">
        {member.isAdmin
          ? t('manage.isAdmin', { name: member.displayName })
          : t('manage.notAdmin', { name: member.displayName })}
      </p>
      <FormProblem problem={form.problem} fields={['reason']} />
      <TextAreaField
        label={t('manage.adminReason')}
        hint={t('manage.adminReasonHint')}
        value={reason}
        onChange={setReason}
        required
        rows={2}
        error={form.error('reason')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className={member.isAdmin ? 'button danger' : 'button'}>
          {member.isAdmin ? t('manage.revokeAdmin') : t('manage.makeAdmin')}
        </SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}
