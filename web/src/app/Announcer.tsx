import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { Status } from './forms.tsx';

const AnnounceContext = createContext<(message: string) => void>(() => undefined);

/**
 * A page-wide status line for answers whose own place left the page: an officer confirms a
 * credit, the report reloads and the confirm button (with its status) is gone, but "The credit
 * is confirmed." must stay. Cleared when the reader moves to another page.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const [location] = useLocation();
  useEffect(() => setMessage(null), [location]);
  return (
    <AnnounceContext.Provider value={setMessage}>
      {/* Always in the page, so screen readers hear a message arrive in it. */}
      <Status message={message} />
      {children}
    </AnnounceContext.Provider>
  );
}

/** Says a message in the page's status line (see `Announcer`). */
export const useAnnounce = () => useContext(AnnounceContext);
