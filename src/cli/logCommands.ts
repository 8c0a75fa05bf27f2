/**
 * `coop log ...`: the transparency log's commands. Declarations only: each action imports its
 * implementation when it runs, so `coop --help` loads none of it. The verify commands, `watch`
 * and `check` need no database and trust no server.
 */
import type { Command } from 'commander';
import type { Outcome } from '../transparency/cli/verifyCommands.ts';

/** Prints a verdict: the details on stdout and exit 0, or the reason on stderr and exit 1. */
export function report(outcome: Outcome): void {
  if (outcome.valid) {
    console.log(outcome.output);
    return;
  }
  console.error(`invalid: ${outcome.reason}`);
  process.exitCode = 1;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerLogCommands(program: Command): void {
  const log = program
    .command('log')
    .description('The transparency log: keys, and proofs anyone can check offline');

  log
    .command('verify-inclusion')
    .description('Check that a leaf is in a tree of a given size and root (RFC 9162 §2.1.3.2)')
    .requiredOption('--leaf-hash <hex>', 'the leaf’s hash (SHA-256 of 0x00 || leaf)')
    .requiredOption('--index <n>', 'the leaf’s index, from 0')
    .requiredOption('--size <n>', 'the tree size')
    .requiredOption('--root <hex>', 'the tree’s root hash')
    .requiredOption('--proof <hashes>', 'the proof: hex hashes separated by commas', '')
    .action(async (options: import('../transparency/cli/verifyCommands.ts').InclusionArgs) => {
      const { verifyInclusionArgs } = await import('../transparency/cli/verifyCommands.ts');
      report(verifyInclusionArgs(options));
    });

  log
    .command('verify-consistency')
    .description('Check that a tree extends an earlier one (RFC 9162 §2.1.4.2)')
    .requiredOption('--size1 <n>', 'the earlier tree’s size')
    .requiredOption('--size2 <n>', 'the later tree’s size')
    .requiredOption('--root1 <hex>', 'the earlier root')
    .requiredOption('--root2 <hex>', 'the later root')
    .requiredOption('--proof <hashes>', 'the proof: hex hashes separated by commas', '')
    .action(async (options: import('../transparency/cli/verifyCommands.ts').ConsistencyArgs) => {
      const { verifyConsistencyArgs } = await import('../transparency/cli/verifyCommands.ts');
      report(verifyConsistencyArgs(options));
    });

  log
    .command('verify-checkpoint')
    .description('Check a signed checkpoint (C2SP tlog-checkpoint and signed-note)')
    .argument('<file>', 'the checkpoint note, as GET /api/log/checkpoint serves it')
    .requiredOption('--key <vkey>', 'the log’s public key (name+hash+base64)')
    .requiredOption('--origin <origin>', 'the log’s origin line')
    .option('--witness <vkey>', 'a witness’s public key; repeat for several', collect)
    .option('--json', 'print {"origin","size","root_hash","witnessed_by"}')
    .action(
      async (
        file: string,
        options: Omit<import('../transparency/cli/verifyCommands.ts').CheckpointArgs, 'file'>,
      ) => {
        const { verifyCheckpointArgs } = await import('../transparency/cli/verifyCommands.ts');
        report(verifyCheckpointArgs({ ...options, file }));
      },
    );

  log
    .command('keygen')
    .description('Make the log’s signing key, kept outside the database, and print its public key')
    .option('--name <name>', 'the key’s name (default: the co-op’s log origin)')
    .option('--out <file>', 'where to write the private key (default: DATA_DIR/log-signing.key)')
    .action(async (options: { name?: string; out?: string }) => {
      const { logKeygen } = await import('../transparency/cli/keygen.ts');
      await logKeygen(options);
    });

  log
    .command('witness-keygen')
    .description('Make a witness key for a member who co-signs checkpoints')
    .requiredOption('--name <name>', 'the witness’s name, e.g. alice.example.org')
    .requiredOption('--out <file>', 'where to write the private key')
    .action(async (options: { name: string; out: string }) => {
      const { witnessKeygen } = await import('../transparency/cli/keygen.ts');
      witnessKeygen(options);
    });
  log
    .command('watch')
    .description(
      'Fetch the log’s checkpoint, check it extends the last one kept, and say loudly if not',
    )
    .argument('<url>', 'the co-op’s address, e.g. https://coop.example.org')
    .requiredOption('--key <vkey>', 'the log’s public key')
    .option('--origin <origin>', 'the log’s origin line (default: as the first checkpoint says)')
    .option('--state <file>', 'where the last verified checkpoint is kept', '.coop-log-watch')
    .option('--witness-key <file>', 'co-sign each checkpoint verified, with this witness key')
    .option('--session <cookie>', 'a member’s session cookie, to post the co-signature')
    .action(
      async (
        url: string,
        options: {
          key: string;
          origin?: string;
          state: string;
          witnessKey?: string;
          session?: string;
        },
      ) => {
        const { watch } = await import('../transparency/cli/watch.ts');
        report(await watch(url, options));
      },
    );

  log
    .command('prove')
    .description('Export a logged record with its inclusion proof and checkpoint into one file')
    .argument('<record>', 'the record: an event’s sequence number, or type:subjectId')
    .option('--out <file>', 'where to write the proof (default: stdout)')
    .action(async (record: string, options: { out?: string }) => {
      const { prove } = await import('../transparency/cli/prove.ts');
      await prove(record, options);
    });

  log
    .command('check')
    .description('Check a proof file (from `coop log prove`) offline, against a key you trust')
    .argument('<file>', 'the proof file')
    .requiredOption('--key <vkey>', 'the log’s public key')
    .option('--origin <origin>', 'the log’s origin line (default: as the file says)')
    .action(async (file: string, options: { key: string; origin?: string }) => {
      const { checkProofFile } = await import('../transparency/cli/check.ts');
      report(checkProofFile(file, options));
    });
}
