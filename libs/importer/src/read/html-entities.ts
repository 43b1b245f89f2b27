const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ge: '≥', le: '≤', ne: '≠',
  plusmn: '±', times: '×', divide: '÷', yen: '¥', middot: '·', hellip: '…', mdash: '—', ndash: '–', permil: '‰',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', deg: '°', sup2: '²', sup3: '³',
};

/** Decodes numeric entities and the named ones that web exports of budget tables use, comparators among them. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z\d]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
