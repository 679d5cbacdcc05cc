/**
 * The line each JSON value starts on, by JSON pointer, so messages about a body file (`/widgets/3/properties/region`)
 * can name the line to edit. A single pass over the text; it assumes the text already parsed as JSON.
 */

export function jsonPointerLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let index = 0;
  let line = 1;

  const skipSpace = () => {
    for (; index < text.length; index++) {
      const char = text[index]!;
      if (char === '\n') line++;
      else if (char !== ' ' && char !== '\t' && char !== '\r') return;
    }
  };
  const readString = (): string => {
    const start = index;
    for (index++; text[index] !== '"'; index++) if (text[index] === '\\') index++;
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const value = (pointer: string): void => {
    skipSpace();
    lines.set(pointer, line);
    const char = text[index];
    if (char === '{') {
      index++;
      skipSpace();
      while (text[index] !== '}') {
        const key = readString();
        skipSpace();
        index++; // the colon
        value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        skipSpace();
        if (text[index] === ',') index++;
        skipSpace();
      }
      index++;
    } else if (char === '[') {
      index++;
      skipSpace();
      for (let item = 0; text[index] !== ']'; item++) {
        value(`${pointer}/${item}`);
        skipSpace();
        if (text[index] === ',') index++;
        skipSpace();
      }
      index++;
    } else if (char === '"') {
      readString();
    } else {
      while (index < text.length && !',]} \t\r\n'.includes(text[index]!)) index++;
    }
  };
  value('');
  return lines;
}

/** The line of `pointer`, or of its closest ancestor that exists (a missing property is reported at its parent). */
export function lineOfPointer(lines: ReadonlyMap<string, number>, pointer: string): number | undefined {
  for (let path = pointer; ; path = path.slice(0, path.lastIndexOf('/'))) {
    const line = lines.get(path);
    if (line !== undefined || path === '') return line;
  }
}
