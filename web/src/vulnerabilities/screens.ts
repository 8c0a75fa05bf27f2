// Loaded on first use.
export { NewVulnerability } from './NewVulnerability.tsx';
export { Vulnerabilities } from './Vulnerabilities.tsx';
export { VulnerabilityPage } from './VulnerabilityPage.tsx';
