/**
 * `coop contributions ...`: the declarations only; each action imports its code when it runs,
 * so `check-dco` loads git and the DCO rules and never the database.
 */
import { type Command, InvalidArgumentError } from 'commander';

const range = (value: string) => {
  if (!/^[^\s-][^\s]*\.\.[^\s]+$/.test(value))
    throw new InvalidArgumentError('a range BASE..HEAD, such as main..my-branch');
  return value;
};
const collect = (value: string, previous: string[]) => [...previous, value];

export function registerContributionsCommands(program: Command): void {
  const contributions = program
    .command('contributions')
    .description('The co-op’s git repositories: DCO checks, ingestion');

  contributions
    .command('check-dco')
    .description(
      'Check the DCO sign-offs of the commits in a range of a local repository, by the rules of the DCO GitHub app; exit 0 when every commit passes, 1 otherwise',
    )
    .argument('<repo>', 'path of a local clone or bare repository')
    .requiredOption(
      '--range <base..head>',
      'the commits to check, as `git rev-list BASE..HEAD`',
      range,
    )
    .option('--json', 'print [{"sha","subject","ok","skipped","reason"}]')
    .option(
      '--bot <pattern>',
      'an author email or name to skip as a bot; `*` matches anything (repeatable)',
      collect,
      [] as string[],
    )
    .option(
      '--member <email>',
      'an author email that is a member’s: with `require: members: false` in .github/dco.yml, its commits signed with a key git trusts are skipped (repeatable)',
      collect,
      [] as string[],
    )
    .option(
      '--default-branch <branch>',
      'where .github/dco.yml is read (default: origin/HEAD, main, master, or HEAD)',
    )
    .action(
      async (
        repo: string,
        options: {
          range: string;
          json?: boolean;
          bot: string[];
          member: string[];
          defaultBranch?: string;
        },
      ) => {
        const { checkDcoCommand } = await import('./commands/checkDco.ts');
        process.exitCode = await checkDcoCommand(repo, options);
      },
    );

  contributions
    .command('add')
    .description('Register a repository: a local clone or bare mirror, or a URL the server clones')
    .argument('<name>', 'how the co-op names it, e.g. coop-server')
    .argument('<location>', 'a path on this machine, or an https://, ssh:// or file:// URL')
    .option('--default-branch <branch>', 'its default branch (default: what the repository says)')
    .option(
      '--bot <pattern>',
      'an author email or name to treat as a bot (repeatable)',
      collect,
      [] as string[],
    )
    .action(
      async (
        name: string,
        location: string,
        options: { defaultBranch?: string; bot: string[] },
      ) => {
        const { addRepositoryCommand } = await import('./commands/contributionsSync.ts');
        await addRepositoryCommand(name, location, options);
      },
    );

  contributions
    .command('edit')
    .description('Change a registered repository’s settings')
    .argument('<name>', 'the repository, as registered')
    .option('--name <new-name>', 'rename it')
    .option('--location <location>', 'a new path on this machine, or URL')
    .option('--default-branch <branch>', 'its default branch')
    .option('--detect-default-branch', 'use what the repository says (origin/HEAD, main, master)')
    .option(
      '--bot <pattern>',
      'an author email or name to treat as a bot; replaces the list (repeatable)',
      collect,
      [] as string[],
    )
    .option('--no-bots', 'treat no author as a bot')
    .action(
      async (
        name: string,
        options: {
          name?: string;
          location?: string;
          defaultBranch?: string;
          detectDefaultBranch?: boolean;
          bot: string[];
          bots?: boolean;
        },
      ) => {
        const { editRepositoryCommand } = await import('./commands/contributionsSync.ts');
        await editRepositoryCommand(name, options);
      },
    );

  contributions
    .command('remove')
    .description(
      'Remove (deregister) a repository: no longer synced or listed; its commits stay on record',
    )
    .argument('<name>', 'the repository, as registered')
    .action(async (name: string) => {
      const { removeRepositoryCommand } = await import('./commands/contributionsSync.ts');
      await removeRepositoryCommand(name);
    });

  contributions
    .command('sync')
    .description(
      'Ingest the commits not seen before, from every branch and tag, of every registered repository (or the one named); records any rewritten history',
    )
    .argument('[name]', 'only this repository')
    .option('--json', 'print what each sync found as JSON')
    .action(async (name: string | undefined, options: { json?: boolean }) => {
      const { syncCommand } = await import('./commands/contributionsSync.ts');
      await syncCommand(name, options);
    });
}
