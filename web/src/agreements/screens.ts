// Loaded on first use, like the books.
export { AcceptQuote } from './AcceptQuote.tsx';
export { AgreementPage } from './AgreementPage.tsx';
export { Agreements } from './Agreements.tsx';
export { Capacity } from './Capacity.tsx';
export { NewAgreement } from './NewAgreement.tsx';
export { NewQuote } from './NewQuote.tsx';
export { QuotePage } from './QuotePage.tsx';
export { Quotes } from './Quotes.tsx';
export { NewTier, ReviseTier } from './TierForm.tsx';
export { Tiers } from './Tiers.tsx';
export { Documents } from '../documents/Documents.tsx';
