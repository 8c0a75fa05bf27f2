// Loaded on first use, like the service levels.
export { NewRequest } from './NewRequest.tsx';
export { RequestPage } from './RequestPage.tsx';
export { Requests } from './Requests.tsx';
