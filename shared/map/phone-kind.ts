// What a phone's label says it is: a mobile, a work number (Pivor's phone), another number, or one Pivor never
// keeps (fax, pager). The label is a cell (Google's "Phone 1 - Label") or a header's words (Outlook's "Home Phone").

export type PhoneKind = 'mobile' | 'work' | 'other' | 'never';

export function phoneKind(label: string | undefined): PhoneKind {
  const text = (label ?? '').replace(/^\*\s*/, '').toLowerCase();
  if (/fax|pager/.test(text)) return 'never';
  if (/mobile|cell|handy|iphone/.test(text)) return 'mobile';
  if (/work|main|business|office|company|primary/.test(text)) return 'work';
  return 'other';
}
