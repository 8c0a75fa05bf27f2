// Every domain's event types, loaded for the catalogue (docs, OpenAPI webhooks, the webhooks
// page). A new domain adds its events module here.
import './agreements/events.ts';
import './bylaws/events.ts';
import './concerns/events.ts';
import './contributions/events.ts';
import './coop/events.ts';
import './digests/events.ts';
import './documents/events.ts';
import './finance/events.ts';
import './finance/expenses/events.ts';
import './finance/payroll/events.ts';
import './finance/statements/events.ts';
import './finance/yearEnd/events.ts';
import './governance/events.ts';
import './governance/fundingEvents.ts';
import './governance/labourEvents.ts';
import './invoicing/events.ts';
import './members/contactEvents.ts';
import './members/events.ts';
import './organizations/events.ts';
import './pipeline/events.ts';
import './platform/mailEvents.ts';
import './releases/events.ts';
import './requests/events.ts';
import './servicelevels/events.ts';
import './todo/events.ts';
import './transparency/events.ts';
import './vulnerabilities/events.ts';
import './webhooks/events.ts';

export { registeredEventTypes } from './platform/events/registry.ts';
