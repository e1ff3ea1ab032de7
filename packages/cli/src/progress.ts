/**
 * A progress bar on stderr for a file of known size, redrawn at most ten times a second so a fast
 * scan is not slowed by its own drawing.
 */
export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr) {
  let last = 0;
  const width = 30;
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  return {
    update(done: number) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(ratio * width);
      const name = label.length > 24 ? `…${label.slice(-23)}` : label;
      stream.write(`\r${name} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(ratio * 100)}% ${mb(done)}/${mb(total)}`);
    },
    clear() {
      if (last > 0) stream.write("\r\x1b[K");
    },
  };
}
