import { smsSegments } from './segments.ts';

/** Whether a text fits one SMS reply: plain GSM-7 within the segment budget. */
export interface Fit {
  fits(text: string): boolean;
  /** No longer text can fit (every character costs at least one unit): bounds the search for a cut. */
  readonly maxChars: number;
}

export const DEFAULT_SEGMENT_BUDGET = 2;

export function budgetFit(segmentBudget: number | undefined): Fit {
  const budget = Math.max(1, Math.floor(segmentBudget ?? DEFAULT_SEGMENT_BUDGET));
  return {
    fits: (text) => {
      const { encoding, segments } = smsSegments(text);
      return encoding === 'GSM-7' && segments <= budget;
    },
    maxChars: 160 * budget,
  };
}
