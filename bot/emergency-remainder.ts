import { FILLER } from '../intents/vagueness.ts';
import { addressIn } from './reports/address.ts';

/**
 * What an emergency message says besides its danger, for the report it may also be: `rest` (the folded text with
 * the danger phrases cut out, emergency.ts `withoutDanger`), or undefined when what is left says only where it
 * happens. "cháy nhà ở ấp 3, cứu với" leaves "có ở ấp 3": the matcher read that as a road report (0.77), and the
 * resident who had just been given 114 was asked for the commune of a pothole.
 */
export function reportWordsBesideDanger(rest: string): string | undefined {
  if (rest === '') return undefined;
  const place = addressIn(rest);
  const besidePlace = place === undefined ? rest : rest.replace(place, ' ');
  const said = besidePlace.split(' ').some((word) => word !== '' && !/^\d+$/.test(word) && !FILLER.has(word));
  return said ? rest : undefined;
}
