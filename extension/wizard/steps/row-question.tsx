// A question the model leaves to the user on one row, answered in the grid: which existing record a near or shared
// client name means (or a new client of that name), or whether a row like a record Pivor has is that record or a
// new one. The answer plans the rows again at once.
import type { Question, RowChoice } from '../../../shared/push/types.ts';

export function RowQuestion(props: { row: number; question: Question; choice: RowChoice | undefined; onChoose: (choice: RowChoice | null) => void }) {
  const { question, choice } = props;
  const about = question.about;
  const current = about === 'reference' ? choice?.reference : choice?.record;
  const value = current === undefined ? '' : current === 'create' ? 'create' : String(current.use);
  const answer = (picked: string): RowChoice | null => {
    if (picked === '') return null;
    const settled = picked === 'create' ? 'create' as const : { use: Number(picked) };
    return about === 'reference' ? { reference: settled } : { record: settled };
  };
  const noun = about === 'reference' ? `“${question.name ?? ''}” means` : 'This row is';
  return (
    <label class="row-question">
      <span>{noun}</span>
      <select value={value} onChange={(e) => props.onChoose(answer(e.currentTarget.value))} data-testid={`choose-${props.row}`}>
        <option value="">Choose…</option>
        {question.candidates.filter((c) => c.id !== undefined).map((c) => (
          <option key={c.id} value={String(c.id)}>{about === 'reference' ? c.label : `${c.label}: update it`}</option>
        ))}
        {question.canCreate && <option value="create">{about === 'reference' ? `a new client “${question.name ?? ''}”` : 'a new record: create it'}</option>}
      </select>
    </label>
  );
}
