/**
 * The stack outputs file `npx cdk deploy --outputs-file FILE` writes, read by the commands that
 * work on a deployment (`report`/`subscribers`/`deliveries --aws`, `smoke --aws`): one stack's
 * outputs, chosen by `--stack` when the file holds several. No network.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { UsageError } from './errors';
import { InputError } from './inputs';

const OutputsFileSchema = z.record(z.string(), z.record(z.string(), z.string()));

/** One stack's outputs, by output name. */
export interface StackOutputs {
  name: string;
  outputs: Readonly<Record<string, string>>;
}

/** Reads `file` and returns the stack named `stackName`, or its only stack when none is named. */
export async function readStackOutputs(file: string, stackName: string | undefined): Promise<StackOutputs> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: write it with \`npx cdk deploy ... --outputs-file ${file}\``, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not JSON`, { cause: error });
  }
  const parsed = OutputsFileSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${file} is not a CDK outputs file`);
  const stacks = Object.entries(parsed.data).filter(([name]) => stackName === undefined || name === stackName);
  const [entry, ...others] = stacks;
  if (entry === undefined) throw new InputError(`${file} has no stack${stackName === undefined ? '' : ` named ${stackName}`}`);
  if (others.length > 0) throw new UsageError(`${file} holds several stacks (${stacks.map(([name]) => name).join(', ')}): pass --stack`);
  const [name, outputs] = entry;
  return { name, outputs };
}
