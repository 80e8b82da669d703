/** Resolves when the user presses Ctrl+C (SIGINT) or a supervisor sends SIGTERM: long-running commands then clean up. */
export function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
