import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const vendor = path.join(root, 'vendor/einvoice');
const saxonJar = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';

/** The kit in ../shared, with the XRechnung and Peppol rules the repository may not carry. */
export const sharedValidator =
  process.env.EINVOICE_VALIDATE ?? path.resolve(root, '../shared/einvoice/validate');
export const hasSharedValidator = fs.existsSync(sharedValidator) && fs.existsSync(saxonJar);

const has = (command: string) => spawnSync('which', [command]).status === 0;
/** The repository's own checks need Java, Saxon-HE and xmllint (Debian packages). */
export const canValidateHere = has('java') && has('xmllint') && fs.existsSync(saxonJar);

export interface Finding {
  file: string;
  rule: string;
  flag: string;
  text: string;
}

/**
 * Schema and EN 16931 rules over every file of `dir` (all UBL or all CII), in one JVM: Saxon
 * compiles the rules once and transforms the whole directory into SVRL reports.
 */
export function validateDirectory(dir: string, syntax: 'ubl' | 'cii'): Finding[] {
  const findings: Finding[] = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xml'));
  for (const file of files) {
    const xml = fs.readFileSync(path.join(dir, file), 'utf8');
    const schema =
      syntax === 'cii'
        ? 'schemas/cii-d16b/CrossIndustryInvoice_100pD16B.xsd'
        : xml.includes('CreditNote-2')
          ? 'schemas/ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd'
          : 'schemas/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd';
    const check = spawnSync(
      'xmllint',
      ['--noout', '--schema', path.join(vendor, schema), path.join(dir, file)],
      {
        encoding: 'utf8',
      },
    );
    if (check.status !== 0)
      findings.push({ file, rule: 'XSD', flag: 'fatal', text: check.stderr.trim() });
  }
  const out = fs.mkdtempSync(path.join(path.dirname(dir), 'svrl-'));
  const xslt = path.join(
    vendor,
    `en16931/EN16931-${syntax === 'ubl' ? 'UBL' : 'CII'}-validation.xslt`,
  );
  execFileSync(
    'java',
    ['-Xss8m', '-cp', saxonJar, 'net.sf.saxon.Transform', `-s:${dir}`, `-xsl:${xslt}`, `-o:${out}`],
    { stdio: 'pipe' },
  );
  for (const file of files) {
    const svrl = fs.readFileSync(path.join(out, file), 'utf8');
    for (const match of svrl.matchAll(
      /<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g,
    )) {
      const attrs = match[1]!;
      const flag = /flag="([^"]*)"/.exec(attrs)?.[1] ?? 'error';
      const rule = /id="([^"]*)"/.exec(attrs)?.[1] ?? '?';
      const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[2]!)?.[1]?.trim() ?? '';
      if (flag !== 'warning' && flag !== 'information') findings.push({ file, rule, flag, text });
    }
  }
  return findings;
}

/** Runs ../shared/einvoice/validate over the files in one call; the error lines per file. */
export function validateWithSharedKit(files: string[]): {
  status: number | null;
  errors: string[];
  output: string;
} {
  const r = spawnSync('bash', [sharedValidator, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const errors: string[] = [];
  let current = files[0] ?? '';
  for (const l of r.stdout.split('\n')) {
    if (l.startsWith('== ')) current = path.basename(l.slice(3));
    else if (/^ERROR /.test(l)) errors.push(`${current}: ${l}`);
  }
  return { status: r.status, errors, output: r.stdout + r.stderr };
}
