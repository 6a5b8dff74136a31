import { describe, expect, it } from 'vitest';
import { cellNormalizer, enumNormalizer, keptAsWritten, normalizeBoolean } from '../../shared/normalize/index.ts';
import { clients, communications, contacts, getField, type ResourceSpec } from '../../shared/resources/index.ts';

describe('booleans', () => {
  it.each([
    ['yes', true], ['no', false], ['true', true], ['false', false], ['1', true], ['0', false],
  ])("takes Pivor's own spelling %j silently", (text, value) => {
    expect(normalizeBoolean(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['YES', true], ['No', false], ['TRUE', true], ['y', true], ['N', false], ['oui', true], ['Non', false],
    ['ja', true], ['NEIN', false], ['si', true], ['Sí', true],
  ])('reads %j as %s with a notice', (text, value) => {
    const r = normalizeBoolean(text);
    expect(r).toMatchObject({ ok: true, value });
    expect(r.ok && r.notices?.[0]?.code).toBe('boolean-spelling');
  });

  it('refuses anything else', () => {
    expect(normalizeBoolean('maybe')).toEqual({ ok: false, code: 'invalid-boolean', message: '"maybe" is not yes or no' });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('refuses %j (no lookup falls through to Object.prototype)', (text) => {
    expect(normalizeBoolean(text)).toMatchObject({ ok: false, code: 'invalid-boolean' });
  });
});

describe('enums', () => {
  const commType = enumNormalizer(getField(communications, 'type'));
  const clientType = enumNormalizer(getField(clients, 'type'));
  const commStatus = enumNormalizer(getField(communications, 'status'));

  it('keeps exact values, fixes case with a notice, maps synonyms with a notice', () => {
    expect(commType('email')).toEqual({ ok: true, value: 'email' });
    expect(commType('Meeting')).toMatchObject({ ok: true, value: 'meeting', notices: [{ code: 'enum-spelling' }] });
    expect(commType('call')).toMatchObject({ ok: true, value: 'phone', notices: [{ code: 'enum-synonym', message: 'read "call" as phone' }] });
    expect(commType('Phone Call')).toMatchObject({ ok: true, value: 'phone' });
    expect(clientType('organization')).toMatchObject({ ok: true, value: 'organisation', notices: [{ code: 'enum-synonym' }] });
    expect(clientType('Non-Profit')).toMatchObject({ ok: true, value: 'non_profit' });
    expect(commStatus('In Progress')).toMatchObject({ ok: true, value: 'in_progress', notices: [{ code: 'enum-spelling' }] });
  });

  it('names the allowed values when refusing', () => {
    expect(commType('fax')).toEqual({ ok: false, code: 'invalid-enum', message: '"fax" is not one of email, call, phone, meeting, note, task' });
  });
});

describe('CRM vocabularies and HTML notes', () => {
  const field = (resource: ResourceSpec, key: string) => resource.fields.find((f) => f.key === key)!;

  it.each([
    ['Call', 'phone'], ['CALL', 'phone'], ['Meeting', 'meeting'], ['EMAIL', 'email'], ['Task', 'task'], ['note', 'note'],
    ['Lunch', 'meeting'], ['Deadline', 'task'],
  ])('reads the activity type %j as %s', (text, value) => {
    expect(cellNormalizer(field(communications, 'type'))(text)).toMatchObject({ ok: true, value });
  });

  it.each([['Done', 'completed'], ['To do', 'pending'], ['TO DO', 'pending'], ['Open', 'pending'], ['Completed', 'completed'], ['not started', 'pending']])(
    'reads the status %j as %s', (text, value) => {
      expect(cellNormalizer(field(communications, 'status'))(text)).toMatchObject({ ok: true, value });
    });

  it('turns HTML in a note into plain text with a notice, never keeping the markup', () => {
    const notes = cellNormalizer(field(contacts, 'notes'));
    expect(notes('<p>Met at <b>Expo</b> &amp; liked it</p><p>Call back&nbsp;soon<br>x &lt; y</p>')).toEqual({
      ok: true, value: 'Met at Expo & liked it\nCall back soon\nx < y',
      notices: [{ code: 'html-stripped', message: '"<p>Met at <b>Expo</b> &amp; liked it</p><p>Call back&nbsp..." held HTML markup: kept as plain text "Met at Expo & liked it\\nCall back soon\\nx < y"' }],
    });
    // a "<" that is no tag is text
    expect(notes('budget < 5k, margin > 10%')).toEqual({ ok: true, value: 'budget < 5k, margin > 10%' });
    expect(cellNormalizer(field(communications, 'content'))('<div>Agenda</div>')).toMatchObject({ ok: true, value: 'Agenda' });
    // short text fields keep what they hold: a job title is no note
    expect(keptAsWritten(field(contacts, 'job_title'))!('<b>CEO</b>')).toBe(true);
    expect(keptAsWritten(field(contacts, 'notes'))!('<b>CEO</b>')).toBe(false);
  });
});
