// Loaded on first use.
export { EditRelease, NewRelease } from './ReleaseForm.tsx';
export { ReleasePage } from './ReleasePage.tsx';
export { Releases } from './Releases.tsx';
