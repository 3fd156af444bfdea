// A strict RFC 4180 reader for tests, written independently of the exporter:
// it rejects anything the RFC does not allow, so a malformed file fails.
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after closing quote at ${i}`);
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      i++;
      continue;
    }
    if (c === '"') throw new Error(`bare quote inside an unquoted field at ${i}`);
    if (c === ',') {
      record.push(field);
      field = '';
      fieldStart = true;
      i++;
      continue;
    }
    if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStart = true;
      i += 2;
      continue;
    }
    if (c === '\n') throw new Error(`bare LF outside quotes at ${i}`);
    field += c;
    fieldStart = false;
    i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (!fieldStart || record.length) throw new Error('last record does not end with CRLF');
  return records;
}
