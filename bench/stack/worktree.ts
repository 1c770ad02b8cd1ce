/**
 * An earlier commit checked out beside this one (`git worktree`), sharing this
 * checkout's node_modules, for a benchmark that measures before and after in
 * the same run: the machine's load then weighs on both alike.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** Runs `use` with a worktree of `commit` (its root), removed afterwards whatever happens. */
export async function withWorktree<T>(commit: string, use: (root: string) => Promise<T> | T): Promise<T> {
  const work = mkdtempSync(join(tmpdir(), 'plan-eval-worktree-'));
  const root = join(work, 'tree');
  try {
    git('worktree', 'add', '--detach', root, commit);
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    return await use(root);
  } finally {
    if (existsSync(root)) git('worktree', 'remove', '--force', root);
    rmSync(work, { recursive: true, force: true });
  }
}
