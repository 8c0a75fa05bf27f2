// Loaded on first use.
export { ClockPage } from './ClockPage.tsx';
export { Clocks } from './Clocks.tsx';
export { ComplianceReport } from './ComplianceReport.tsx';
