// npm start and npm run dev stop their servers when npm itself is stopped: npm does not pass SIGTERM
// on to the script it runs (scripts/process-group.ts), so a supervisor or an editor's stop button that
// ends npm alone would leave wrangler dev and workerd holding the port. Node reads the parent's pid
// afresh each time (process.ppid): a new one means npm is gone and this process was adopted.

/** The parent this process started under, read when the command loads: npm may be stopped during
 *  the build, before the servers start. */
const parent = process.ppid;

export function whenOrphaned(stop: () => void): void {
  const check = () => {
    if (process.ppid !== parent) stop();
  };
  check();
  setInterval(check, 1000).unref();
}
