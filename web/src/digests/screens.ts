// Loaded on first use, like the other officers' screens.
export { SponsorDigestPage, SponsorDigests } from './pages.tsx';
