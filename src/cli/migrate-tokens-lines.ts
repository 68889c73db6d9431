// Reads a JSON Lines file a line at a time with a cap per line, so a file without newlines cannot
// fill memory; says whether the last line was cut short (a writer killed mid-line).
import { createReadStream } from "node:fs";

/** One line of a file, without its "\n" (and without a "\r" before it). */
export interface Line {
  /** 1-based. */
  number: number;
  text: string;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** False only for a last line that has no "\n" after it. */
  terminated: boolean;
}

/** A line longer than the cap: the file is not what the job reads. */
export class LineTooLongError extends Error {
  override name = "LineTooLongError";
  constructor(
    readonly lineNumber: number,
    readonly maxBytes: number,
  ) {
    super(`line ${lineNumber} is longer than ${maxBytes} bytes`);
  }
}

/** The lines of `path`, in order; throws {@link LineTooLongError} past `maxBytes` in one line. */
export async function* readLines(path: string, maxBytes: number): AsyncGenerator<Line> {
  const decoder = new TextDecoder();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      if (pendingBytes + piece.length > maxBytes) throw new LineTooLongError(number + 1, maxBytes);
      const bytes = pendingBytes === 0 ? piece : Buffer.concat([...pending, piece]);
      number++;
      yield { number, text: decoder.decode(bytes).replace(/\r$/, ""), offset, terminated: true };
      offset += bytes.length + 1;
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (pendingBytes + rest.length > maxBytes) throw new LineTooLongError(number + 1, maxBytes);
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) {
    yield { number: number + 1, text: decoder.decode(Buffer.concat(pending)), offset, terminated: false };
  }
}
