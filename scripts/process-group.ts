// A child started with the processes it starts in a group of its own (wrangler dev and its workerd,
// npm and the build it runs), so that stopping it stops them all: npm does not pass SIGTERM on to the
// script it runs (checked with npm 11). Windows has no process groups: there `taskkill /T` ends the
// child's tree, and the child is not detached (that would give it a console window of its own).
import { spawnSync, type ChildProcess } from 'node:child_process';

const WINDOWS = process.platform === 'win32';

/** `spawn`'s `detached` for a group of its own. */
export const OWN_GROUP = !WINDOWS;

/** Stops a child started with OWN_GROUP, and what it started; nothing when it has ended. */
export function stopGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    if (WINDOWS) spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    else process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already ended.
  }
}
