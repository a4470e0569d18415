/** A one-line progress display on standard error for commands that work through several files. */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

/**
 * Shows "[3/45] path" on one rewritten line when standard error is a terminal; in a pipe or a
 * CI log it prints nothing per file, so logs stay readable. With one file it does nothing.
 */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = total > 1 && stream.isTTY === true;
  let count = 0;
  return {
    tick(label) {
      count += 1;
      if (!live) return;
      const width = stream.columns ?? 80;
      stream.write(`\r\x1b[K${`[${count}/${total}] ${label}`.slice(0, width - 1)}`);
    },
    done() {
      if (live) stream.write("\r\x1b[K");
    },
  };
}
