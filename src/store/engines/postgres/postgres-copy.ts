import type pg from 'pg';

/** The parts of pg's wire connection a `COPY … FROM STDIN` drives (pg 8 calls a submittable's handlers with it). */
interface WireConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Uint8Array): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  readonly stream: { readonly writableNeedDrain?: boolean; once(event: 'drain' | 'close', listener: () => void): void };
}

/**
 * A `COPY … FROM STDIN` run on a pg client: pg hands a submittable query the wire connection and the server's
 * messages, so the bytes are streamed with back-pressure and no package beyond pg. A failing source makes the
 * server abandon the COPY (CopyFail), and the server's error rejects.
 */
class CopyIn {
  #error: Error | undefined;
  #rows = 0;
  readonly done: Promise<number>;
  #settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };

  constructor(
    readonly text: string,
    readonly source: AsyncIterable<Uint8Array>,
  ) {
    this.done = new Promise((resolve, reject) => (this.#settle = { resolve, reject }));
  }

  submit(connection: WireConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: WireConnection): void {
    void this.#send(connection);
  }

  async #send(connection: WireConnection): Promise<void> {
    try {
      for await (const chunk of this.source) {
        connection.sendCopyFromChunk(chunk);
        if (connection.stream.writableNeedDrain) await new Promise<void>((resolve) => connection.stream.once('drain', resolve));
      }
      connection.endCopyFrom();
    } catch (error) {
      this.#error ??= error as Error;
      connection.sendCopyFail((error as Error).message);
    }
  }

  handleCommandComplete(message: { text?: string }): void {
    this.#rows = Number(/(\d+)$/.exec(message.text ?? '')?.[1] ?? 0);
  }

  // pg forgets the active query on an error (the ReadyForQuery that follows reaches no handler), so an error settles
  // here: with the source's own error when it was the one that made us abandon the COPY.
  handleError(error: Error): void {
    this.#error ??= error;
    this.#settle.reject(this.#error);
  }

  handleReadyForQuery(): void {
    this.#settle.resolve(this.#rows);
  }

  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Streams `source` into `COPY … FROM STDIN` (the statement `text`) on `client`; resolves with the rows copied. */
export function copyFrom(client: pg.PoolClient, text: string, source: AsyncIterable<Uint8Array>): Promise<number> {
  const copy = new CopyIn(text, source);
  client.query(copy as unknown as pg.QueryConfig);
  return copy.done;
}

/** One row of COPY's text format: tab-separated, `\N` for null, backslash, tab and line ends escaped. */
export function copyTextRow(values: readonly (string | null)[]): string {
  return `${values.map((v) => (v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')))).join('\t')}\n`;
}
