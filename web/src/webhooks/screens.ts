// The webhooks screens, loaded on first use.
export { EventTypes } from './EventTypes.tsx';
export { Webhooks } from './Webhooks.tsx';
