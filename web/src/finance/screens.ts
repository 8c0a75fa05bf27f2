/** The books' screens, loaded as one chunk when a finance page is first opened. */
export { Accounts } from './Accounts.tsx';
export { Bank } from './Bank.tsx';
export { BooksHome } from './BooksHome.tsx';
export { ClaimPage } from './ClaimPage.tsx';
export { Dividends } from './Dividends.tsx';
export { Entries } from './Entries.tsx';
export { Expenses } from './Expenses.tsx';
export { NewClaim } from './NewClaim.tsx';
export { Pay } from './Pay.tsx';
export { PostEntry } from './PostEntry.tsx';
export { PublicFinance } from './PublicFinance.tsx';
export { Reports } from './Reports.tsx';
export { SponsorPayment } from './SponsorPayment.tsx';
export { YearEnd } from './YearEnd.tsx';
