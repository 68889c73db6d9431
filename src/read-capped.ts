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
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array | string): boolean => {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    chunks.push(bytes);
    return size <= limit;
  };
  if ("getReader" in source) {
    // Not every runtime makes ReadableStream async-iterable, so read it by hand.
    const reader = source.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!take(value)) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
    }
  } else {
    for await (const chunk of source) if (!take(chunk)) return undefined;
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
