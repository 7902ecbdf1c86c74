/**
 * The positions of each lexeme in a tsvector's text form (`'word':3A,7A 'it''s':5`), as
 * PostgreSQL writes it: lexemes quoted, with quotes doubled and backslashes escaped, positions
 * with their weight letter (none for D).
 */
export function tsvectorPositions(text: string): Map<string, Set<number>> {
  const lexemes = new Map<string, Set<number>>();
  let at = 0;
  while (at < text.length) {
    if (text[at] !== "'") {
      at += 1;
      continue;
    }
    at += 1;
    let lexeme = '';
    while (at < text.length) {
      const char = text[at] ?? '';
      if (char === "'" && text[at + 1] === "'") {
        lexeme += "'";
        at += 2;
      } else if (char === "'") {
        at += 1;
        break;
      } else if (char === '\\') {
        lexeme += text[at + 1] ?? '';
        at += 2;
      } else {
        lexeme += char;
        at += 1;
      }
    }
    const positions = new Set<number>();
    if (text[at] === ':') {
      const end = text.indexOf(' ', at);
      const list = text.slice(at + 1, end < 0 ? text.length : end);
      for (const position of list.split(',')) positions.add(Number.parseInt(position, 10));
      at = end < 0 ? text.length : end;
    }
    lexemes.set(lexeme, positions);
  }
  return lexemes;
}
