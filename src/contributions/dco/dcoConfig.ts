import { parse } from 'yaml';
import { defaultDcoConfig, type DcoConfig } from './checkDco.ts';

export class DcoConfigError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `.github/dco.yml`, merged key by key over the app's defaults (as the app's configuration
 * loader does); a setting counts when it is truthy, as it does in the app. Absent: the defaults.
 */
export function parseDcoConfig(text: string | null): DcoConfig {
  if (text === null || text.trim() === '') return structuredClone(defaultDcoConfig);
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new DcoConfigError(
      `.github/dco.yml is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (doc === null || doc === undefined) return structuredClone(defaultDcoConfig);
  if (!isRecord(doc)) throw new DcoConfigError('.github/dco.yml must be a mapping.');
  const require = isRecord(doc.require) ? doc.require : {};
  const remediation = isRecord(doc.allowRemediationCommits) ? doc.allowRemediationCommits : {};
  const flag = (section: Record<string, unknown>, key: string, fallback: boolean) =>
    key in section ? Boolean(section[key]) : fallback;
  return {
    require: { members: flag(require, 'members', defaultDcoConfig.require.members) },
    allowRemediationCommits: {
      individual: flag(remediation, 'individual', false),
      thirdParty: flag(remediation, 'thirdParty', false),
    },
  };
}
