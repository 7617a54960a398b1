import { mainMenuOptions } from '../../../bot/menu.ts';
import { COMMUNE_PREFIX } from '../../../bot/reports/flow.ts';
import { reportReplies } from '../../../bot/reports/report-replies.ts';

export interface ChoiceTitleSources {
  /** Titles of knowledge-base entries, intents and report categories, by label (the label itself when unknown). */
  readonly titleOf: (label: string) => string;
  readonly communeName: (id: string) => string | undefined;
}

/**
 * The title of an option the resident tapped, from its value: the conversation log keeps values (what the bot
 * acts on), a reloaded page shows the words the resident saw. Fixed options are read from the very replies that
 * offer them, so a reworded button cannot drift from its history.
 */
export function choiceTitles(sources: ChoiceTitleSources): (value: string) => string | undefined {
  const fixed = new Map<string, string>();
  const flowReplies = [...reportReplies.confirm(''), ...reportReplies.askPhoto(), ...reportReplies.chooseCommune([])];
  const flowOptions = flowReplies.flatMap((reply) => (reply.kind === 'choices' ? reply.options : []));
  for (const option of [...mainMenuOptions(), ...flowOptions]) fixed.set(option.value, option.title);
  return (value) => {
    const known = fixed.get(value);
    if (known !== undefined) return known;
    if (value.startsWith(COMMUNE_PREFIX)) return sources.communeName(value.slice(COMMUNE_PREFIX.length));
    const title = sources.titleOf(value);
    return title === value ? undefined : title;
  };
}
