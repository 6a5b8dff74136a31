// Pivor's initials bug: contact names starting with a character outside ASCII are held back unless the user
// chooses to send them anyway; the planner lets a matched row through when the record already has that name.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/csv/index.ts';
import { planChanges } from '../../shared/push/plan-changes.ts';
import { clients, contacts } from '../../shared/resources/index.ts';
import { checkCsv, nonAsciiInitial, validateTable, writesNonAsciiInitial, type ValidationReport } from '../../shared/validate/index.ts';

const lines = (...rows: string[]) => rows.join('\n') + '\n';
const issuesOf = (report: ValidationReport, row: number) => report.rows.find((r) => r.row === row)?.issues ?? [];

describe('the first character of a contact name', () => {
  it('is outside ASCII for accented Latin, other scripts and emoji; never for ASCII, digits or an empty value', () => {
    expect(['Émile', 'Ünal', 'Øystein', 'Łukasz', '李', 'Жанна', '😀 Joy'].map(nonAsciiInitial)).toEqual(['É', 'Ü', 'Ø', 'Ł', '李', 'Ж', '😀']);
    expect(['Emile', 'van Gogh', '0', "O'Brien", '', 'Zoë'].map(nonAsciiInitial)).toEqual([null, null, null, null, null, null]);
    expect(nonAsciiInitial(42)).toBeNull();
  });

  it('holds the row back with what happens in Pivor and what to do, per field and column', () => {
    const report = validateTable(contacts, readCsv(lines('first_name,last_name,email', 'Émile,Zola,e@x.com', 'Lech,Wałęsa,l@x.com', 'Li,李,li@x.com', 'Zoë,Ørsted,z@x.com')));
    expect(report.rows.map((r) => r.status)).toEqual(['error', 'valid', 'error', 'error']);
    const [issue] = issuesOf(report, 2);
    expect(issue).toMatchObject({ severity: 'error', code: 'non-ascii-initial', column: 'first_name', field: 'first_name' });
    expect(issue!.message).toBe(
      'Row 2: first name "Émile" starts with "É", a character outside plain ASCII. Pivor saves such a contact but then fails '
      + "with a server error on every page that shows it (the contacts list included, for everyone) until someone changes the name in Pivor's web screens. "
      + 'The row is held back: change its first letter (to "E", say), or choose to send such names anyway (column first_name).',
    );
    expect(issuesOf(report, 4)[0]!.message).toContain('change its first character to a plain letter');
    expect(issuesOf(report, 5).map((i) => [i.field, i.column])).toEqual([['last_name', 'last_name']]);
  });

  it('checks names split from a full-name column, naming that column', () => {
    const report = validateTable(contacts, readCsv(lines('Name,Email', 'Ádám Kovács,a@x.com')));
    const codes = issuesOf(report, 2).map((i) => [i.code, i.column]);
    expect(codes).toContainEqual(['non-ascii-initial', 'Name']);
    expect(report.rows[0]!.status).toBe('error');
  });

  it('sends such a row when the user chose to, with a warning saying what it will do', () => {
    const report = checkCsv(lines('first_name,last_name', 'Émile,Zola'), 'contacts', { sendNonAsciiInitials: true });
    expect(report.rows[0]!.status).toBe('warning');
    expect(issuesOf(report, 2)[0]).toMatchObject({ severity: 'warning', code: 'non-ascii-initial' });
    expect(issuesOf(report, 2)[0]!.message).toContain('is sent anyway, as you chose');
    expect(writesNonAsciiInitial('contacts', { first_name: 'Émile', last_name: 'Zola' })).toBe(true);
    expect(writesNonAsciiInitial('contacts', { first_name: 'Emile' })).toBe(false);
  });

  it('applies to contacts only: a client may be called Électricité', () => {
    expect(validateTable(clients, readCsv(lines('name', 'Électricité de France'))).rows[0]!.status).toBe('valid');
  });

  it('lets an update through when the record already has that name (nothing about it is sent), not when it changes it', () => {
    const report = validateTable(contacts, readCsv(lines('id,first_name,last_name,job_title', '7,Émile,Zola,Writer', '8,Émile,Zola,Writer')));
    const baseline = [
      { id: 7, first_name: 'Émile', last_name: 'Zola', job_title: 'Novelist' },
      { id: 8, first_name: 'Emile', last_name: 'Zola', job_title: 'Writer' },
    ];
    const plan = planChanges(report, baseline, { matchBy: 'id' });
    expect(plan.actions[0]).toMatchObject({ kind: 'update', id: 7, body: { job_title: 'Writer' } });
    expect(plan.actions[1]).toMatchObject({ kind: 'skip', row: 3 });
    expect((plan.actions[1] as { reason: string }).reason).toContain('held back');
  });
});
