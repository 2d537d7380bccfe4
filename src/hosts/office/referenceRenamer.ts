import { quoteSheet } from '../../workbook/address';
import { noRenames, renameReferences, type ReferenceRenames } from '../references';

/**
 * `renameReferences` as one native regex pass, for formulas by the hundred thousand (a 100,000-row
 * plan must not spend seconds of the pane's thread on renaming). Same rules: `'Sheet'!` and `Sheet!`
 * rename sheets, `Table[` renames tables, text in double quotes is left alone. Formulas that mention
 * none of the names are returned as they are.
 */
export function referenceRenamer(renames: ReferenceRenames): (formula: string) => string {
  if (noRenames(renames)) return (formula) => formula;
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const keys = [...renames.sheets.keys(), ...renames.tables.keys()].flatMap((k) => [k, k.replace(/'/g, "''")]);
  const mentions = new RegExp([...new Set(keys)].map(escape).join('|'), 'i');
  // A string literal, a quoted name (renamed when a ! follows), or an identifier followed by ! or [.
  const token = /"(?:[^"]|"")*"?|'((?:[^']|'')*)(?:'(!?))?|([A-Za-z0-9_.\\\u00C0-\uFFFF]+)(?=([![]))/g;
  return (formula) => {
    if (!mentions.test(formula)) return formula;
    return formula.replace(token, (match: string, quoted: string | undefined, bang: string | undefined, word: string | undefined, next: string | undefined) => {
      if (quoted !== undefined) {
        const renamed = bang ? renames.sheets.get(quoted.replace(/''/g, "'").toLowerCase()) : undefined;
        return renamed === undefined ? match : `${quoteSheet(renamed)}!`;
      }
      if (word !== undefined) {
        if (next === '!') {
          const renamed = renames.sheets.get(word.toLowerCase());
          return renamed === undefined ? match : quoteSheet(renamed);
        }
        return renames.tables.get(word.toLowerCase()) ?? match;
      }
      return match;
    });
  };
}

/** The reference implementation, for tests comparing the two. */
export const renameReferencesSlowly = renameReferences;
