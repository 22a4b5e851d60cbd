/** The shared front half of `preview` and `digest`: read inputs, parse, normalise, dedup. */
import type { Event } from '../shared/model/event';
import type { SelectorRecipe, SourceContext } from '../shared/model/source';
import { dedupEvents } from '../shared/normalize';
import { readDocument, UnknownDocumentError } from '../shared/sources';
import { InputError, readInput, type InputText } from './inputs';
import type { Window } from './window';

export interface InputProblem {
  input: string;
  message: string;
}

export interface ReadInputsOptions {
  /** Selectors to read HTML inputs with (`preview --recipe`). */
  recipe?: SelectorRecipe;
  /** Called with each input's text once it is read, before it is parsed. */
  onInput?: (input: InputText) => void;
}

/** Reads every input; throws `InputError` for the first one that cannot be read or is neither kind. */
export async function readEventsFromInputs(inputs: string[], window: Window, options: ReadInputsOptions = {}): Promise<{ events: Event[]; problems: InputProblem[] }> {
  const texts = await Promise.all(inputs.map((input) => readInput(input)));
  const events: Event[] = [];
  const problems: InputProblem[] = [];
  texts.forEach((input, index) => {
    options.onInput?.(input);
    const source: SourceContext = {
      id: `input-${index + 1}`,
      name: input.label,
      kind: 'other',
      audience: 'professional',
      timeZone: window.timeZone,
    };
    try {
      const read = readDocument(input.text, source, {
        from: window.from,
        to: window.to,
        defaultTimeZone: window.timeZone,
        baseUrl: input.baseUrl,
        ...(options.recipe ? { recipe: options.recipe } : {}),
      });
      if (read.calendarName) source.name = read.calendarName.slice(0, 200);
      for (const event of read.events) {
        events.push({ ...event, sources: event.sources.map((ref) => ({ ...ref, name: source.name })) });
      }
      for (const problem of read.problems) {
        problems.push({ input: input.input, message: problem.where ? `${problem.where}: ${problem.message}` : problem.message });
      }
    } catch (error) {
      if (error instanceof UnknownDocumentError) throw new InputError(`${input.input}: ${error.message}`, { cause: error });
      throw error;
    }
  });
  return { events: dedupEvents(events), problems };
}
