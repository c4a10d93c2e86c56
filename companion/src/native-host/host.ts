import { NativeHostRequestSchema, type NativeHostReply } from '@kafka-inspector/shared';
import { findCompanion } from './find-companion';
import { encodeFrame, FrameReader } from './framing';

export interface HostIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Diagnostics (the browser's stderr): never the token. */
  log(line: string): void;
}

/**
 * `kafka-inspector native-host ORIGIN`: what Chrome runs through the launcher. Reads one request,
 * writes one reply, ends. Chrome already lets only `allowed_origins` start it; the origin Chrome
 * passes is checked again, so a host manifest edited to allow more still answers only our extension.
 */
export async function runNativeHost(args: readonly string[], configDir: string, extensionId: string | null, io: HostIo): Promise<number> {
  const origin = args.find((arg) => arg.startsWith('chrome-extension://'));
  if (!extensionId || origin !== `chrome-extension://${extensionId}/`) {
    io.log(`kafka-inspector native-host: refusing caller ${origin ?? '(no origin)'}`);
    return 1;
  }
  const request = await readOneMessage(io.input);
  let reply: NativeHostReply;
  if (!NativeHostRequestSchema.safeParse(request).success) reply = { type: 'error', message: 'unknown request: expected {"type":"find-companion"}' };
  else {
    try {
      reply = await findCompanion(configDir);
    } catch (error) {
      reply = { type: 'error', message: `could not read the companion's files: ${(error as Error).message}`.slice(0, 500) };
    }
  }
  await new Promise<void>((done, fail) => io.output.write(encodeFrame(reply), (error) => (error ? fail(error) : done())));
  return 0;
}

/** The first whole message on `input`, or null when it ends (or breaks the framing) first. */
function readOneMessage(input: NodeJS.ReadableStream): Promise<unknown> {
  const reader = new FrameReader();
  return new Promise((resolve) => {
    const finish = (value: unknown) => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      try {
        const [first] = reader.push(chunk);
        if (first !== undefined) finish(first);
      } catch {
        finish(null);
      }
    };
    const onEnd = () => finish(null);
    input.on('data', onData);
    input.on('end', onEnd);
  });
}
