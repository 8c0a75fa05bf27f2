import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import type { Release } from '../api/types.ts';
import { ConfirmAction } from '../app/ConfirmAction.tsx';
import { formatDate, formatDateTime } from '../app/format.ts';
import { Status } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { ItemConsultations } from '../concerns/ItemConsultations.tsx';
import { kindLabel, stateLabel } from './labels.ts';
import { t } from './messages.ts';

/**
 * A release or planned change: what changes, and (from the concerns domain, as on a work item)
 * its topics, the sponsors to consult and the consultations. Hackers and officers edit it while
 * planned, publish it, or withdraw it.
 */
export function ReleasePage({ id }: { id: string }) {
  const user = useUser();
  const result = useQuery('/api/releases/{id}', { params: { path: { id } } });
  const r = result.data;
  const manages = Boolean(user.can.manageReleases);
  // Said here, not in the dialog's trigger: publishing removes the publish button itself.
  const [said, setSaid] = useState<string | null>(null);
  return (
    <Page
      title={r?.title ?? t('page.fallbackTitle')}
      actions={
        r && manages && r.state === 'planned' ? (
          <Link href={`/releases/${r.id}/edit`} className="button">
            {t('page.edit')}
          </Link>
        ) : null
      }
    >
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!r && !result.error ? <Loading /> : null}
      {r ? (
        <>
          <section aria-labelledby="release-about" className="card">
            <h2 id="release-about">{t('page.about')}</h2>
            <dl className="details">
              <dt>{t('page.project')}</dt>
              <dd>{r.project}</dd>
              <dt>{t('page.version')}</dt>
              <dd>{r.version ?? t('page.noVersion')}</dd>
              <dt>{t('page.kind')}</dt>
              <dd>{kindLabel(r.kind)}</dd>
              <dt>{t('page.plannedOn')}</dt>
              <dd>{formatDate(r.plannedOn)}</dd>
              <dt>{t('page.state')}</dt>
              <dd>{stateLabel(r.state)}</dd>
              {r.publishedAt ? (
                <>
                  <dt>{t('page.publishedAt')}</dt>
                  <dd>{formatDateTime(r.publishedAt)}</dd>
                </>
              ) : null}
              {r.withdrawnAt ? (
                <>
                  <dt>{t('page.withdrawnAt')}</dt>
                  <dd>{formatDateTime(r.withdrawnAt)}</dd>
                </>
              ) : null}
            </dl>
            {/* Markdown shown as written: never rendered as HTML. */}
            {r.summary ? (
              <p className="release-summary">{r.summary}</p>
            ) : (
              <p className="release-summary muted">{t('page.noSummary')}</p>
            )}
          </section>
          {manages && r.state !== 'withdrawn' ? (
            <Actions
              release={r}
              onDone={(message) => {
                setSaid(message);
                result.reload();
              }}
            />
          ) : null}
          <Status message={said} />
          <ItemConsultations kind="release" id={r.id} />
        </>
      ) : null}
    </Page>
  );
}

function Actions({ release, onDone }: { release: Release; onDone: (message: string) => void }) {
  const params = { path: { id: release.id } };
  return (
    <div className="release-actions">
      {release.state === 'planned' ? (
        <ConfirmAction
          hint={t('page.publishHint')}
          trigger={t('page.publishTrigger')}
          title={t('page.publishTitle', { title: release.title })}
          confirm={t('page.publishConfirm')}
          onConfirm={async () => {
            await api.post('/api/releases/{id}/publish', { params });
            onDone(t('page.published'));
            return undefined;
          }}
        >
          <p>{t('page.publishText')}</p>
        </ConfirmAction>
      ) : null}
      <ConfirmAction
        tone={release.state === 'planned' ? 'secondary' : 'danger'}
        hint={t('page.withdrawHint')}
        trigger={t('page.withdrawTrigger')}
        title={t('page.withdrawTitle', { title: release.title })}
        confirm={t('page.withdrawConfirm')}
        warnings={release.state === 'published' ? [t('page.withdrawPublished')] : []}
        onConfirm={async () => {
          await api.post('/api/releases/{id}/withdraw', { params });
          onDone(t('page.withdrawn'));
          return undefined;
        }}
      >
        <p>{t('page.withdrawText')}</p>
      </ConfirmAction>
    </div>
  );
}
