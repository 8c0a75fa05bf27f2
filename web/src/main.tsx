import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { queryClient } from './app/queryClient.ts';
import { SessionProvider } from './app/session.tsx';
import './app/styles.css';
import { t } from './app/messages.ts';

function Starting({
  error,
  retry,
}: {
  error: { problem: { detail: string } } | undefined;
  retry: () => void;
}) {
  return (
    <main id="main" className="starting">
      {error ? (
        <div className="page">
          <h1>{t('page.unreachableTitle')}</h1>
          <p role="alert">{error.problem.detail}</p>
          <button type="button" className="button primary" onClick={retry}>
            {t('page.tryAgain')}
          </button>
        </div>
      ) : (
        <p className="loading" role="status">
          {t('page.loading')}
        </p>
      )}
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider fallback={(state) => <Starting {...state} />}>
        <App />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
