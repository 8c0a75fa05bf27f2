/** The invoices' screens, loaded as one chunk when an invoice page is first opened. */
export { Dunning } from './Dunning.tsx';
export { InvoicePage } from './InvoicePage.tsx';
export { Invoices } from './Invoices.tsx';
export { InvoicingSettings } from './InvoicingSettings.tsx';
export { NewInvoice } from './NewInvoice.tsx';
