/** What a command writes to and reads the time from; the CLI passes the process's, tests their own. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => Date;
}

export const processIo: Io = {
  out: (line) => {
    process.stdout.write(`${line}\n`);
  },
  err: (line) => {
    process.stderr.write(`${line}\n`);
  },
  now: () => new Date(),
};
