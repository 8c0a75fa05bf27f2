import type { CSSProperties } from 'react';

/** Long links and SHA-256 hashes wrap on a phone instead of widening the page. */
export const breakAnywhere: CSSProperties = { overflowWrap: 'anywhere' };
