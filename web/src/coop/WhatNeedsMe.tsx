import { Link } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

/** How long until a deadline, in the words people use: "in 3 days", "in 5 hours", "overdue". */
function timeLeft(dueAt: string, now = Date.now()): string {
  const hours = (new Date(dueAt).getTime() - now) / 3600_000;
  if (hours < 0) return t('todo.overdue');
  if (hours < 1) return t('todo.withinHour');
  if (hours < 48) return t('todo.inHours', { count: Math.floor(hours) });
  return t('todo.inDays', { count: Math.floor(hours / 24) });
}

/**
 * The first thing a member sees: what the co-op is waiting for from them, soonest deadline
 * first, each with the page where it is done. Empty, it says so and says nothing else.
 */
export function WhatNeedsMe() {
  const todo = useQuery('/api/todo');
  const items = todo.data?.items ?? [];
  return (
    <section aria-labelledby="todo-heading" className="card todo-card">
      <h2 id="todo-heading">
        {todo.data && items.length > 0
          ? t('todo.titleCount', { count: items.length })
          : t('todo.title')}
      </h2>
      {todo.error ? <LoadError error={todo.error} retry={todo.reload} /> : null}
      {!todo.data && !todo.error ? <Loading /> : null}
      {todo.data && items.length === 0 ? <p className="muted">{t('todo.nothing')}</p> : null}
      {items.length > 0 ? (
        <ul className="todo-list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.href}`} className={`todo-item todo-${item.kind}`}>
              <Link href={item.href} className="todo-title">
                {item.title}
              </Link>
              <p className="todo-detail">
                {item.detail}
                {item.dueAt ? (
                  <>
                    {' '}
                    <span className="todo-due">
                      {t('todo.due', {
                        when: timeLeft(item.dueAt),
                        date: formatDateTime(item.dueAt),
                      })}
                    </span>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {todo.data ? (
        <p className="muted small">
          {todo.data.weeklyDigest ? t('todo.mailed') : t('todo.notMailed')}{' '}
          <Link href="/members/me">{t('todo.change')}</Link>.
        </p>
      ) : null}
    </section>
  );
}
