// The contributions screens, loaded on first use.
export { BranchCheck } from './BranchCheck.tsx';
export { CommitPage } from './CommitPage.tsx';
export { Contributors } from './Contributors.tsx';
export { DcoText } from './DcoText.tsx';
export { Repositories } from './Repositories.tsx';
export { RepositoryPage } from './RepositoryPage.tsx';
