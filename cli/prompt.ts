// Asks a question on the terminal; a hidden answer (passwords) is read without echoing what is typed.
import { createInterface } from 'node:readline';

export async function prompt(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, question: string, options: { hidden?: boolean } = {}): Promise<string> {
  const rl = createInterface({ input, output, terminal: true });
  if (options.hidden) {
    // readline echoes through _writeToOutput; after the question is shown, echo nothing.
    const internal = rl as unknown as { _writeToOutput: (text: string) => void };
    let shown = false;
    internal._writeToOutput = (text: string) => {
      if (!shown) {
        output.write(text);
        shown = text.includes(question);
      } else if (text.includes('\n') || text.includes('\r')) {
        output.write('\n');
      }
    };
  }
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}

/** All of stdin as text, without the final line break (for --password-stdin). */
export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
