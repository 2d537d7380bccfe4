/**
 * Gender as the binary gap metrics need it. F and M (and their common spellings) enter the gap
 * metrics; every other value (X, non-binary, undisclosed, blank) is kept in headcounts and left out
 * of the binary metrics, which the sheet says.
 */
export type BinaryGender = 'F' | 'M';

const FEMALE = new Set(['f', 'female', 'w', 'woman', 'women', 'fem']);
const MALE = new Set(['m', 'male', 'man', 'men']);

export const BLANK_GENDER = '(blank)';

/** F or M for the binary metrics, undefined for any other value. Case and surrounding spaces are ignored. */
export function binaryGender(raw: string | undefined): BinaryGender | undefined {
  const s = raw?.trim().toLowerCase();
  if (!s) return undefined;
  if (FEMALE.has(s)) return 'F';
  if (MALE.has(s)) return 'M';
  return undefined;
}

/** The value a headcount is grouped by: F, M, the value as written (trimmed) or "(blank)". */
export function genderLabel(raw: string | undefined): string {
  const b = binaryGender(raw);
  if (b) return b;
  const s = raw?.trim();
  return s ? s : BLANK_GENDER;
}

/** The spellings counted as F and M, for the sheet's note and its formulas. */
export const GENDER_SPELLINGS: Record<BinaryGender, string[]> = {
  F: ['F', 'Female', 'W', 'Woman', 'Women', 'Fem'],
  M: ['M', 'Male', 'Man', 'Men'],
};
