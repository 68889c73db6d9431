/**
 * What {@link readPrefix} read: the first bytes of a body, and, when the body is longer than the
 * limit, the reader positioned after them (still locked, nothing dropped).
 * @internal
 */
export interface BodyPrefix {
  bytes: Uint8Array<ArrayBuffer>;
  rest: ReadableStreamDefaultReader<Uint8Array> | undefined;
}

/** Joins chunks into one array. @internal */
function concat(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function bytesOf(chunk: unknown): Uint8Array {
  if (typeof chunk === "string") return new TextEncoder().encode(chunk);
  // A hostile or broken in-memory stream may yield anything; only byte views are a body.
  if (!ArrayBuffer.isView(chunk)) throw new TypeError("the body stream yielded a chunk that is not bytes");
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Reads a stream once, up to just past `limit` bytes, and stops there: the caller gets the bytes
 * and the reader, to cancel or to hand on. Never a `tee()`: a branch's cancel waits for the other
 * branch, which is how a copy read "for a peek" hangs until the whole body arrives. An abort of
 * `signal` rejects a pending read with its reason at once, even for an in-memory stream that no
 * fetch would abort: it cancels the reader, which settles a pending read as done at once (WHATWG
 * Streams, ReadableStreamCancel closes the stream before it calls the source's cancel).
 * @internal
 */
export async function readPrefix(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  signal?: AbortSignal,
): Promise<BodyPrefix> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stop = (): void => discard(reader);
  signal?.addEventListener("abort", stop);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) return { bytes: concat(chunks, size), rest: undefined };
      const bytes = bytesOf(value);
      chunks.push(bytes);
      size += bytes.byteLength;
      if (size > limit) return { bytes: concat(chunks, size), rest: reader };
    }
  } catch (error) {
    discard(reader);
    throw error;
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}

/**
 * Cancels what is left of a body without waiting: a peer's cancel hook may never settle, and
 * nothing here depends on it.
 * @internal
 */
export function discard(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  reader.cancel().catch(() => undefined);
}

/**
 * Reads a body of at most `limit` bytes. Returns undefined when it is larger (and stops reading),
 * so that a hostile or broken peer cannot make us buffer without end. Shared by the client (X's
 * answers) and the fake provider (requests it receives).
 * @internal
 */
export async function readCappedBytes(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>,
  limit: number,
): Promise<Uint8Array | undefined> {
  if ("getReader" in source) {
    // Not every runtime makes ReadableStream async-iterable, so read it by hand.
    const { bytes, rest } = await readPrefix(source, limit);
    if (rest === undefined) return bytes;
    discard(rest);
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    const bytes = bytesOf(chunk);
    size += bytes.byteLength;
    if (size > limit) return undefined;
    chunks.push(bytes);
  }
  return concat(chunks, size);
}

/** A `Request` or `Response`, as far as reading its body goes. @internal */
export interface BodyHolder {
  readonly body: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Reads the body of a `Request` or `Response` of at most `limit` bytes; undefined when it is larger.
 * @internal
 */
export async function readBodyCapped(message: BodyHolder, limit: number): Promise<Uint8Array | undefined> {
  const stream = message.body as ReadableStream<Uint8Array> | null | undefined;
  if (stream === null) return new Uint8Array(0);
  if (stream === undefined) {
    // Firefox implements no Request.body (the stream getter is missing, not null). A Request made
    // by script holds its body in memory already, so reading it whole costs nothing new.
    const bytes = new Uint8Array(await message.arrayBuffer());
    return bytes.byteLength > limit ? undefined : bytes;
  }
  return readCappedBytes(stream, limit);
}
