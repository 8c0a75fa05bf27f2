import { Link } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';

/** How long until a deadline, in the words people use: "in 3 days", "in 5 hours", "overdue". */
function timeLeft(dueAt: string, now = Date.now()): string {
  const hours = (new Date(dueAt).getTime() - now) / 3600_000;
  if (hours < 0) return 'overdue';
  if (hours < 1) return 'within the hour';
  if (hours < 48) return `in ${Math.floor(hours)} hour${Math.floor(hours) === 1 ? '' : 's'}`;
  return `in ${Math.floor(hours / 24)} days`;
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
        What needs you{todo.data && items.length > 0 ? ` (${items.length})` : ''}
      </h2>
      {todo.error ? <LoadError error={todo.error} retry={todo.reload} /> : null}
      {!todo.data && !todo.error ? <Loading /> : null}
      {todo.data && items.length === 0 ? (
        <p className="muted">Nothing is waiting for you. Thank you.</p>
      ) : null}
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
                      Due {timeLeft(item.dueAt)} ({formatDateTime(item.dueAt)}).
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
          {todo.data.weeklyDigest
            ? 'This list is also mailed to you on Mondays while something waits. '
            : 'You switched off the weekly mail of this list. '}
          <Link href="/members/me">Change it on your profile</Link>.
        </p>
      ) : null}
    </section>
  );
}
