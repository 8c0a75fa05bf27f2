/**
 * A synthetic repository for the contributions bench, written by `git fast-import` (seconds for
 * 100,000 commits, where `git commit` would take an hour): a main line with a merged topic
 * branch every 50 commits, 40 authors in several time zones, one file changed per commit, every
 * commit signed off but one in twenty, some with Co-authored-by and Reviewed-by trailers.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { gitEnv } from '../src/contributions/git/runGit.ts';

const zones = ['+0000', '+0100', '+0530', '-0800', '+0900'];

export async function generateRepository(dir: string, commits: number): Promise<void> {
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', dir], { env: gitEnv() });
  const child = spawn('git', ['-C', dir, 'fast-import', '--quiet', '--done'], {
    env: gitEnv(),
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  const chunks: string[] = [];
  let size = 0;
  const write = async (text: string) => {
    chunks.push(text);
    size += text.length;
    if (size > 1 << 20) {
      const data = chunks.join('');
      chunks.length = 0;
      size = 0;
      if (!child.stdin.write(data)) await new Promise((r) => child.stdin.once('drain', r));
    }
  };
  const start = 1_700_000_000;
  let mark = 0;
  let mainMark = 0;
  for (let i = 0; i < commits; i++) {
    const a = i % 40;
    const name = `Author ${a}`;
    const email = `author${a}@example.org`;
    const when = `${start + i * 600} ${zones[a % zones.length]}`;
    const onTopic = i % 50 >= 45 && i % 50 <= 48;
    const trailers = [
      i % 7 === 0
        ? `Co-authored-by: Author ${(a + 1) % 40} <author${(a + 1) % 40}@example.org>`
        : '',
      i % 5 === 0 ? `Reviewed-by: Author ${(a + 2) % 40} <author${(a + 2) % 40}@example.org>` : '',
      i % 20 === 0 ? '' : `Signed-off-by: ${name} <${email}>`,
    ].filter(Boolean);
    const message = `Change ${i}: adjust module ${i % 100}\n\nWhy: commit number ${i} of the bench.\n\n${trailers.join('\n')}\n`;
    const content = `module ${i % 100}\nrevision ${i}\n`;
    mark += 1;
    const branch = onTopic ? 'refs/heads/topic' : 'refs/heads/main';
    let from = '';
    if (onTopic && i % 50 === 45) from = `from :${mainMark}\n`;
    await write(
      `commit ${branch}\nmark :${mark}\nauthor ${name} <${email}> ${when}\ncommitter ${name} <${email}> ${when}\n` +
        `data ${Buffer.byteLength(message)}\n${message}${from}` +
        `M 100644 inline src/module${i % 100}.txt\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
    if (!onTopic) mainMark = mark;
    if (i % 50 === 48) {
      // The topic branch is merged into main.
      mark += 1;
      const msg = `Merge topic ${i}\n`;
      await write(
        `commit refs/heads/main\nmark :${mark}\nauthor Maintainer <maint@example.org> ${when}\ncommitter Maintainer <maint@example.org> ${when}\n` +
          `data ${Buffer.byteLength(msg)}\n${msg}from :${mainMark}\nmerge :${mark - 1}\n\n`,
      );
      mainMark = mark;
    }
  }
  await write('done\n');
  child.stdin.end(chunks.join(''));
  if ((await done) !== 0) throw new Error('git fast-import failed');
}
