// The import wizard: File → Mapping → Review → Plan → Push → Results, in its own tab.
// It owns the state that crosses steps; each step component only shows and asks.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isPivorError } from '../../shared/api/index.ts';
import { mapHeaders, type RecalledMapping, type UserMapping } from '../../shared/map/index.ts';
import { ERROR_COLUMN, ORIGINAL_ROW_COLUMN, ReferenceBook, failuresCsv, missingClientNames, resultsCsv, type Plan, type PushProgress, type PushResult, type RowChoice, type RowOutcomes } from '../../shared/push/index.ts';
import { getResource, isResourceName, type ResourceName } from '../../shared/resources/index.ts';
import type { References, ValidationReport } from '../../shared/validate/index.ts';
import { AppHeader } from '../ui/app-header.tsx';
import { countOf } from '../ui/count.ts';
import { Notice } from '../ui/notice.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { useSession } from '../ui/use-session.ts';
import { derivedFileName, downloadCsv } from '../lib/download-csv.ts';
import { signInUrl } from '../lib/open-wizard.ts';
import { clientFor, errorMessage } from '../lib/pivor-session.ts';
import { PushBusyError, whileNoOtherPush } from '../lib/push-lock.ts';
import { removeHandoff } from '../storage/handoff-store.ts';
import { clearSession } from '../storage/session-store.ts';
import { clearInterrupted, interruptedFile, listInterrupted, saveInterrupted, type InterruptedImport } from '../storage/interrupted-imports.ts';
import { recallMapping, recallValueMapping, rememberMapping, rememberValueMapping } from '../storage/mapping-memory.ts';
import { chosenFile, type ChosenFile } from './chosen-file.ts';
import { CsvWorkerClient } from './csv-worker-client.ts';
import { outcomesInSlices } from './outcomes-in-slices.ts';
import { nextTurn } from '../lib/next-turn.ts';
import { defaultOptions, type ImportOptions } from './import-options.ts';
import { ConcurrencyChoice } from './concurrency-choice.tsx';
import { alreadyCreated, createClients, loadReferences, makePlan, withPlannedClients } from './import-run.ts';
import { pushInWorker } from './push-in-worker.ts';
import { Stepper, type StepName } from './stepper.tsx';
import { FileStep } from './steps/file-step.tsx';
import { MappingStep } from './steps/mapping-step.tsx';
import { PlanStep } from './steps/plan-step.tsx';
import { PushStep } from './steps/push-step.tsx';
import { ResultsStep } from './steps/results-step.tsx';
import { ReviewOptions, defaultMatch, nonAsciiNameRows } from './steps/review-options.tsx';
import { FindReplacePanel } from './steps/find-replace-panel.tsx';
import { ReviewStep, gridColumns } from './steps/review-step.tsx';
import type { ReplaceQuery, Replacement } from './find-replace.ts';
import { ValueMappingPanel } from './steps/value-mapping-panel.tsx';
import { ResumeBanner } from './resume-banner.tsx';
import { pushKey } from './push-key.ts';
import type { CellEdit } from './table-edits.ts';
import { handoffIdFromHash, useHandoff } from './use-handoff.ts';
import type { ParseSummary } from './worker-protocol.ts';

type Busy = { what: string; loaded: number; total: number | null } | null;

function resourceFromHash(): ResourceName | null {
  const name = new URLSearchParams(location.hash.replace(/^#/, '')).get('resource');
  return name && isResourceName(name) ? name : null;
}

export function WizardApp() {
  const [session] = useSession();
  const [handoff, allowHandoff] = useHandoff(useMemo(() => handoffIdFromHash(location.hash), []));
  const worker = useMemo(() => new CsvWorkerClient(), []);
  const [step, setStep] = useState<StepName>('File');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [parsed, setParsed] = useState<ParseSummary | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [resource, setResource] = useState<ResourceName | null>(resourceFromHash);
  const [userMapping, setUserMapping] = useState<UserMapping>({});
  const [remembered, setRemembered] = useState<RecalledMapping | null>(null);
  const [resets, setResets] = useState(0);
  const [options, setOptions] = useState<ImportOptions>(defaultOptions);
  // The rows checked against Pivor's records as they are (checked), and as the plan reads them: linked to the
  // clients "create missing clients" makes first (report; the same report when there are none).
  const [checked, setChecked] = useState<ValidationReport | null>(null);
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  // The one model (rowOutcomes) of the plan, made with it: Review and Plan count from it.
  const [planned, setPlanned] = useState<{ plan: Plan; outcomes: RowOutcomes } | null>(null);
  const [done, setDone] = useState<Map<number, number>>(new Map());
  const [progress, setProgress] = useState<PushProgress | null>(null);
  const [result, setResult] = useState<PushResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [stepError, setStepError] = useState<StepProblem | null>(null);
  const [interrupted, setInterrupted] = useState<InterruptedImport[]>([]);
  const [resumed, setResumed] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [missingClients, setMissingClients] = useState<string[]>([]);
  // Cells fixed in the review grid ("row:column"): the worker's table holds the corrected text.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  // The last find and replace, while it can be undone: the cells it changed, and those it marked as fixed.
  const [lastReplace, setLastReplace] = useState<{ header: string; changed: Replacement[]; marked: string[] } | null>(null);
  // The user's answers to the model's questions (which record a near or shared name means, create anyway), by row.
  const [choices, setChoices] = useState<Readonly<Record<number, RowChoice>>>({});
  const [pushStage, setPushStage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  // The records of the current check: the validator's references and the plan's baseline, read once.
  const book = useRef(new ReferenceBook());
  const checkRun = useRef(0);

  useEffect(() => {
    void listInterrupted().then(setInterrupted);
  }, []);

  useEffect(() => {
    if (handoff.kind === 'ready') void loadFile(handoff.file);
  }, [handoff.kind]);

  // A push in progress: leaving the page is safe (the journal resumes it), but say so.
  useEffect(() => {
    if (step !== 'Push') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [step]);

  const mapping = useMemo(
    () => (resource && parsed ? mapHeaders(getResource(resource), parsed.headers, userMapping, parsed.mappingSamples) : null),
    [resource, parsed, userMapping],
  );

  async function loadFile(chosen: ChosenFile, keepResource = false): Promise<ParseSummary | null> {
    setFile(chosen);
    setEdited(new Set());
    setLastReplace(null);
    setChoices({});
    setParsed(null);
    setChecked(null);
    setReport(null);
    setPlan(null);
    setFileError(null);
    setReading(true);
    try {
      // a turn after the file's hash: its copy for the worker then holds the page in a task of its own
      await nextTurn();
      const summary = await worker.parse(chosen.bytes);
      if (summary.headers.length === 0 || summary.headers.every((h) => h.trim() === '')) {
        throw new Error('The file is empty or has no header row.');
      }
      setParsed(summary);
      const suggested = summary.detection.resource;
      if (!keepResource && suggested && (!summary.detection.ambiguous || !resource)) await chooseResource(suggested, summary);
      else if (resource) await chooseResource(resource, summary);
      return summary;
    } catch (error) {
      setFileError(errorMessage(error));
      return null;
    } finally {
      setReading(false);
    }
  }

  // The user's earlier choices for this set of headers come back with the resource.
  async function chooseResource(name: ResourceName, summary = parsed) {
    setResource(name);
    setChecked(null);
    setReport(null);
    setPlan(null);
    if (!summary) return;
    const recalled = await recallMapping(name, summary.headers);
    setUserMapping(recalled?.mapping ?? {});
    setRemembered(recalled && Object.keys(recalled.mapping).length > 0 ? recalled : null);
    const values = await recallValueMapping(name);
    setOptions((current) => ({ ...current, valueMapping: values }));
  }

  function changeMapping(header: string, field: string | null) {
    if (!resource || !parsed) return;
    const next = { ...userMapping, [header]: field };
    setUserMapping(next);
    setChecked(null);
    setReport(null);
    void rememberMapping(resource, parsed.headers, next);
  }

  function resetMapping() {
    if (!resource || !parsed) return;
    setUserMapping({});
    setRemembered(null);
    setResets((n) => n + 1); // the mapping step sorts its columns afresh
    setChecked(null);
    setReport(null);
    void rememberMapping(resource, parsed.headers, {});
  }

  const onLoading = (what: string, loaded: number, total: number | null) => setBusy({ what: `Loading ${what} from Pivor`, loaded, total });

  /** Validates the file in the worker against the given references. */
  function validate(forResource: ResourceName, references: References, withOptions: ImportOptions, withMapping: UserMapping): Promise<ValidationReport> {
    setBusy({ what: 'Checking the rows', loaded: 0, total: null });
    return worker.validate({
      resource: forResource,
      options: {
        references,
        userMapping: withMapping,
        timeZone: withOptions.timeZone,
        ...(withOptions.dateOrder ? { dateOrder: withOptions.dateOrder } : {}),
        ...(withOptions.sendNonAsciiNames ? { sendNonAsciiInitials: true } : {}),
        ...(withOptions.valueMapping ? { valueMapping: withOptions.valueMapping } : {}),
      },
    });
  }

  /**
   * Reads references from Pivor (a fresh book), validates in the worker and plans: Review and Plan show the one
   * model (rowOutcomes) of that plan. Returns whether it worked.
   */
  async function check(withOptions = options, forResource = resource, withMapping = userMapping, forFile = file, answers = choices): Promise<boolean> {
    if (!session || !forResource) return false;
    // Options changed twice in a row start two checks: only the last one started may show its report.
    const run = ++checkRun.current;
    const latest = () => run === checkRun.current;
    setStepError(null);
    setPlan(null);
    const runBook = (book.current = new ReferenceBook());
    try {
      const references = await loadReferences(clientFor(session), runBook, forResource, onLoading);
      const fresh = await validate(forResource, references, withOptions, withMapping);
      if (!latest()) return false;
      setChecked(fresh);
      return await planRows(fresh, withOptions, forResource, forFile, withMapping, answers, run);
    } catch (error) {
      if (latest()) setStepError(describe(error));
      return false;
    } finally {
      if (latest()) setBusy(null);
    }
  }

  /**
   * Plans checked rows with these options: clients to create first stand in with placeholder ids, so their rows plan
   * as they will go. `run`: the check it belongs to (a later check or plan started meanwhile wins).
   */
  async function planRows(
    fresh: ValidationReport, opts: ImportOptions, forResource: ResourceName, forFile: ChosenFile | null, withMapping: UserMapping,
    answers = choices, run = ++checkRun.current,
  ): Promise<boolean> {
    if (!session) return false;
    const latest = () => run === checkRun.current;
    setStepError(null);
    try {
      const missing = opts.createMissingClients ? missingClientNames(fresh, book.current.references(forResource), answers) : [];
      const toPlan = missing.length === 0 ? fresh
        : await validate(forResource, withPlannedClients(book.current.references(forResource), missing), opts, withMapping);
      const key = forFile ? await pushKey(forFile.hash, await worker.fixes(), forResource) : undefined;
      const made = await makePlan(clientFor(session), worker, book.current, toPlan, opts, onLoading, undefined, key, { choices: answers });
      if (!latest()) return false;
      const outcomes = await outcomesInSlices(toPlan, made);
      if (!latest()) return false;
      setMissingClients(missing);
      setReport(toPlan);
      setDone(await alreadyCreated(made));
      setPlan(made);
      setPlanned({ plan: made, outcomes });
      return true;
    } catch (error) {
      if (latest()) setStepError(describe(error));
      return false;
    } finally {
      if (latest()) setBusy(null);
    }
  }

  async function goReview() {
    if (!resource || !mapping) return;
    const opts = { ...options, matchBy: defaultMatch(resource, mapping) };
    setOptions(opts);
    setStep('Review');
    await check(opts);
  }

  // An option changed on Review updates the model at once: the reading options check the rows again, the
  // others plan them again.
  function changeOptions(next: ImportOptions) {
    const revalidate = next.dateOrder !== options.dateOrder || next.timeZone !== options.timeZone || next.sendNonAsciiNames !== options.sendNonAsciiNames ||
      next.valueMapping !== options.valueMapping;
    if (next.valueMapping !== options.valueMapping && resource && parsed) void rememberValueMapping(resource, next.valueMapping ?? {});
    const replan = next.matchBy !== options.matchBy || next.createMissingClients !== options.createMissingClients;
    setOptions(next);
    if (revalidate) void check(next);
    else if (replan && checked && resource) void planRows(checked, next, resource, file, userMapping);
  }

  /**
   * Cells fixed in the grid (one edit, a replacement, its undo): `change` has the worker's table take them and
   * answers how the set of fixed cells changes; the rows are then checked and planned again at once.
   */
  async function fixCells(change: () => Promise<(cells: ReadonlySet<string>) => ReadonlySet<string>>) {
    if (!resource) return;
    try {
      setEdited(await change());
      const fresh = await validate(resource, book.current.references(resource), options, userMapping);
      setChecked(fresh);
      await planRows(fresh, options, resource, file, userMapping);
    } catch (error) {
      setStepError(describe(error));
    } finally {
      setBusy(null);
    }
  }

  function editCell(row: number, column: number, value: string) {
    setLastReplace(null); // its undo would put back texts from before this edit
    return fixCells(async () => {
      await worker.edit({ row, column, value });
      return (cells) => new Set(cells).add(`${row}:${column}`);
    });
  }

  /** Find and replace in a column: a set of cell edits, undone together. */
  function replaceInColumn(query: ReplaceQuery) {
    const header = parsed?.headers[query.column] ?? '';
    return fixCells(async () => {
      const changed = await worker.replace(query);
      const marked = changed.map((r) => `${r.row}:${r.column}`).filter((cell) => !edited.has(cell));
      setLastReplace({ header, changed, marked });
      return (cells) => new Set([...cells, ...marked]);
    });
  }

  function undoReplace() {
    if (!lastReplace) return;
    setLastReplace(null);
    return fixCells(async () => {
      await worker.edits(lastReplace.changed.map((r) => ({ row: r.row, column: r.column, value: r.before })));
      const marked = new Set(lastReplace.marked);
      return (cells) => new Set([...cells].filter((cell) => !marked.has(cell)));
    });
  }

  /** An answer to a row's question (link this record, or create a new one): the rows are planned again at once. */
  function choose(row: number, choice: RowChoice | null) {
    const next = { ...choices };
    if (choice) next[row] = choice;
    else delete next[row];
    setChoices(next);
    if (checked && resource) void planRows(checked, options, resource, file, userMapping, next);
  }

  async function downloadCorrected() {
    if (!file) return;
    await downloadCsv(derivedFileName(file.name, 'corrected'), await worker.corrected());
  }

  /** Plan shows the plan Review counted; made again only when Review could not make it. */
  async function goPlan() {
    setStep('Plan');
    if (!plan) await check();
  }

  async function runPush() {
    if (!session || !plan || !file || !resource || !report) return;
    // What is sent is the rows as corrected; the file is kept as it was with its fixes beside it, so a resume
    // numbers its rows as this push did (see push-key.ts).
    const edits = await worker.fixes();
    const key = await pushKey(file.hash, edits, resource);
    const controller = new AbortController();
    abort.current = controller;
    setProgress(null);
    setCancelling(false);
    setStep('Push');
    try {
      const client = clientFor(session);
      const pushed = await whileNoOtherPush(session.baseUrl, resource, { fileName: file.name, rows: sending }, async () => {
        await saveInterrupted({
          journalKey: key, name: file.name, origin: file.origin, resource, userMapping, options, sending, edits, choices,
          startedAt: new Date().toISOString(), ...(file.source ? { source: file.source } : {}), ...(file.page ? { page: file.page } : {}),
        }, file.bytes);
        let sentReport = report;
        if (missingClients.length > 0) {
          // The clients first; then the rows are checked again against them (the real ids).
          setPushStage(`Creating ${countOf(missingClients.length, 'client')}`);
          await createClients(client, book.current, missingClients, controller.signal);
          sentReport = await validate(resource, book.current.references(resource), options, userMapping);
          setBusy(null);
          setReport(sentReport);
        }
        // Planned again under the lock, from Pivor's records as they are now: another tab may have pushed since.
        book.current.forget(resource);
        const toSend = await makePlan(client, worker, book.current, sentReport, options, () => {}, undefined, key, { choices });
        setPushStage(null);
        return pushInWorker(session, toSend, { journalKey: key, concurrency: options.concurrency, onProgress: setProgress, signal: controller.signal });
      });
      // A push stopped by the server or the network stays resumable; a finished or cancelled one does not.
      if (!pushed.stopped || pushed.stopped === 'cancelled') await clearInterrupted(key);
      if (!pushed.stopped && file.handoffId) await removeHandoff(file.handoffId);
      setInterrupted((list) => list.filter((i) => i.journalKey !== key));
      setResult(pushed);
      setStep('Results');
    } catch (error) {
      setStepError(describe(error));
      setStep('Plan');
    } finally {
      abort.current = null;
    }
  }

  async function resume(record: InterruptedImport) {
    setResumed(true);
    setStepError(null);
    let kept: Uint8Array;
    try {
      kept = await interruptedFile(record.journalKey);
    } catch (error) {
      setFileError(errorMessage(error));
      return;
    }
    const restored = await chosenFile(record.name, kept, 'resumed', {
      ...(record.source ? { source: record.source } : {}),
      ...(record.page ? { page: record.page } : {}),
    });
    setResource(record.resource);
    const summary = await loadFile(restored, true);
    if (!summary) return;
    setResource(record.resource);
    setUserMapping(record.userMapping);
    await rememberMapping(record.resource, summary.headers, record.userMapping);
    // Imports interrupted before an option existed get its default.
    const recordOptions = { ...defaultOptions(), ...record.options };
    setOptions(recordOptions);
    await redoFixes(record.edits ?? []);
    const answers = record.choices ?? {};
    setChoices(answers);
    setStep('Review');
    // Arguments instead of state: its updates have not rendered yet.
    if (await check(recordOptions, record.resource, record.userMapping, restored, answers)) setStep('Plan');
  }

  /** The cells an interrupted push had fixed, fixed again on its file as it was read then: the same rows, numbered alike. */
  async function redoFixes(edits: CellEdit[]) {
    if (edits.length === 0) return;
    await worker.edits(edits);
    setEdited(new Set(edits.map((e) => `${e.row}:${e.column}`)));
  }

  async function discard(record: InterruptedImport) {
    await clearInterrupted(record.journalKey);
    setInterrupted((list) => list.filter((i) => i.journalKey !== record.journalKey));
  }

  function startOver() {
    setStep('File');
    setFile(null);
    setParsed(null);
    setChecked(null);
    setReport(null);
    setPlan(null);
    setResult(null);
    setResumed(false);
    history.replaceState(null, '', location.pathname);
  }

  /**
   * "Fix and re-import": the failures file (the rows that did not go through, their error beside them) becomes the
   * file of the wizard, with the same resource, mapping and options, straight into Review with its errors.
   */
  async function fixFailures() {
    if (!report || !result || !file || !resource) return;
    const mapping = { ...userMapping, [ERROR_COLUMN]: null, [ORIGINAL_ROW_COLUMN]: null };
    const failures = await chosenFile(derivedFileName(file.name, 'failures'), new TextEncoder().encode(failuresCsv(report, result.results)), file.origin);
    const kept = { resource, options };
    setResult(null);
    setPlan(null);
    setResumed(false);
    setStep('Review');
    const summary = await loadFile(failures, true);
    if (!summary) return;
    setResource(kept.resource);
    setUserMapping(mapping);
    await rememberMapping(kept.resource, summary.headers, mapping);
    await check(kept.options, kept.resource, mapping, failures);
  }

  async function download(kind: 'failures' | 'results') {
    if (!report || !result || !file) return;
    const text = kind === 'failures' ? failuresCsv(report, result.results) : resultsCsv(report, result.results);
    await downloadCsv(derivedFileName(file.name, kind), text);
  }

  const spec = resource ? getResource(resource) : null;
  const hasDates = !!spec && !!mapping && spec.fields.some((f) => f.type === 'datetime' && mapping.byField[f.key] !== undefined);
  const sending = plan ? plan.counts.create - done.size + plan.counts.update + plan.counts.delete : 0;
  // Counted once per report, not on every render: a report may hold 100,000 rows.
  const nonAsciiNames = useMemo(() => nonAsciiNameRows(report), [report]);
  // The model of the plan shown, made with it rather than on a render (none once the plan is cleared).
  const outcomes = planned && planned.plan === plan ? planned.outcomes : null;
  const emptyColumns = useMemo(() => emptyHeaders(parsed), [parsed]);

  return (
    <>
      <AppHeader context="Import CSV">
        {session && <span class="badge" data-testid="signed-in-as">{session.user.name} · {new URL(session.baseUrl).host}</span>}
      </AppHeader>
      <main class="wizard-main">
        <div class="wizard-title">
          <h1>{spec ? `Import ${spec.title.toLowerCase()}` : 'Import a CSV file'}</h1>
          {file && <span class="muted">{file.name}</span>}
        </div>
        <Stepper current={step} />
        {session === null && (
          <Notice kind="warning" title="You are not signed in to Pivor" testId="signed-out">
            <div class="banner">
              <span>Sign in to check and send this file. It stays here meanwhile.</span>
              <a class="button small" href={signInUrl()} target="_blank" rel="noopener">Sign in</a>
            </div>
          </Notice>
        )}
        {step === 'File' && !file && interrupted.map((record) => (
          <ResumeBanner key={record.journalKey} record={record} disabled={!session} onResume={() => void resume(record)} onDiscard={() => void discard(record)} />
        ))}
        <section class="card step-card" aria-labelledby="step-title">
          {step === 'File' && (
            <>
              <StepHead title="Choose the file" text="A CSV file of clients, contacts or communications." />
              <FileStep file={file} parsed={parsed} reading={reading} error={fileError} handoff={handoff}
                onAllowHandoff={() => void allowHandoff()} onFile={(f) => void loadFile(f)} resource={resource}
                onResource={(r) => void chooseResource(r)} />
              <Footer>
                <button type="button" class="primary" disabled={!parsed || !resource} onClick={() => setStep('Mapping')}>
                  Continue to mapping
                </button>
              </Footer>
            </>
          )}
          {step === 'Mapping' && parsed && resource && mapping && (
            <>
              <StepHead title="Match the columns" text="Each column of the file and the Pivor field it fills. Change any that are wrong." />
              <MappingStep key={`${file?.hash}:${resource}:${resets}`} resource={resource} headers={parsed.headers} samples={parsed.samples} mappingSamples={parsed.mappingSamples}
                filled={parsed.filled} mapping={mapping} remembered={remembered} onChange={changeMapping} onReset={resetMapping} />
              <Footer onBack={() => setStep('File')}>
                <button type="button" class="primary" disabled={!session} onClick={() => void goReview()}>Check the rows</button>
              </Footer>
            </>
          )}
          {step === 'Review' && resource && mapping && (
            <>
              <StepHead title="Review the rows" text="Every row checked against Pivor’s rules and its existing records. Nothing has been sent." />
              <ReviewOptions resource={resource} mapping={mapping} options={options} onChange={changeOptions} hasDates={hasDates} nonAsciiNames={nonAsciiNames}
                ambiguousDates={!!report?.issues.some((i) => i.code === 'ambiguous-date')} />
              {busy && <ProgressBar label={busy.what} done={busy.loaded} total={busy.total} detail={busy.what} />}
              {stepError && <StepError problem={stepError} onRetry={() => void check()} />}
              {checked && <ValueMappingPanel report={checked} values={options.valueMapping ?? {}}
                onChange={(valueMapping) => changeOptions({ ...options, valueMapping })} />}
              {report && outcomes && <ReviewStep report={report} outcomes={outcomes} checking={!!busy} clientsToCreate={missingClients} emptyColumns={emptyColumns}
                edited={edited} onEdit={(row, column, value) => void editCell(row, column, value)} choices={choices} onChoose={choose}>
                <FindReplacePanel columns={gridColumns(report)} preview={(query) => worker.previewReplace(query)} onReplace={replaceInColumn}
                  done={lastReplace && { header: lastReplace.header, cells: lastReplace.changed.length }} onUndo={() => void undoReplace()} busy={!!busy} revision={report} />
              </ReviewStep>}
              <Footer onBack={() => setStep('Mapping')}>
                {report && <button type="button" onClick={() => void downloadCorrected()} data-testid="download-corrected">
                  {edited.size > 0 ? 'Download corrected CSV' : 'Download as CSV'}
                </button>}
                <button type="button" class="primary" disabled={!outcomes || !!busy || outcomes.counts.valid + outcomes.counts.warnings === 0}
                  onClick={() => void goPlan()}>
                  See what will change
                </button>
              </Footer>
            </>
          )}
          {step === 'Plan' && (
            <>
              <StepHead title="Before anything is sent" text="What each row will do in Pivor, compared with the records there now." />
              {busy && <ProgressBar label={busy.what} done={busy.loaded} total={busy.total} detail={busy.what} />}
              {stepError && <StepError problem={stepError} onRetry={() => void goPlan()} />}
              {plan && outcomes && <PlanStep plan={plan} outcomes={outcomes} done={done} resumed={resumed} missingClients={missingClients} />}
              <Footer onBack={() => setStep('Review')}>
                <ConcurrencyChoice value={options.concurrency} onChange={(concurrency) => setOptions({ ...options, concurrency })} />
                <button type="button" class="primary" disabled={!plan || sending === 0 || !!busy} onClick={() => void runPush()} data-testid="send">
                  {!plan ? 'Send to Pivor' : sending === 0 ? 'Nothing to send' : `Send ${countOf(sending, 'change')} to Pivor`}
                </button>
              </Footer>
            </>
          )}
          {step === 'Push' && (
            <>
              <StepHead title="Sending to Pivor" text={`${countOf(sending, 'row')} to create or update.`} />
              <PushStep progress={progress} stage={pushStage} cancelling={cancelling} onCancel={() => { setCancelling(true); abort.current?.abort(); }} />
            </>
          )}
          {step === 'Results' && result && (
            <>
              <StepHead title="Results" text="The outcome of every row." />
              <ResultsStep result={result} onDownloadFailures={() => void download('failures')} onDownloadResults={() => void download('results')}
                onFixFailures={() => void fixFailures()}
                onAnother={startOver} />
            </>
          )}
        </section>
      </main>
    </>
  );
}

export interface StepProblem {
  title: string;
  message: string;
}

/** Headers whose every column holds no value in any row (a header may name several columns). */
function emptyHeaders(parsed: ParseSummary | null): ReadonlySet<string> {
  if (!parsed) return new Set();
  const filled = new Set(parsed.headers.filter((_, i) => (parsed.filled[i] ?? 0) > 0));
  return new Set(parsed.headers.filter((h) => !filled.has(h)));
}

function describe(error: unknown): StepProblem {
  if (isPivorError(error) && error.kind === 'unauthenticated') {
    // The token is dead: forget it here, so the page says "not signed in" and offers the way back.
    void clearSession();
    return { title: 'Pivor signed you out', message: 'Pivor refused the token: it was revoked or has expired. Sign in again, then try again: the file stays here.' };
  }
  if (isPivorError(error) && error.kind === 'network') return { title: 'Pivor could not be reached', message: error.message };
  if (error instanceof PushBusyError) return { title: 'Another import is running', message: error.message };
  return { title: 'That did not work', message: errorMessage(error) };
}

function StepHead(props: { title: string; text: string }) {
  return (
    <div class="step-head">
      <h2 id="step-title">{props.title}</h2>
      <p>{props.text}</p>
    </div>
  );
}

function StepError(props: { problem: StepProblem; onRetry: () => void }) {
  return (
    <Notice kind="error" title={props.problem.title} testId="step-error">
      <p>{props.problem.message}</p>
      <div class="row" style={{ marginTop: '8px' }}>
        <button type="button" class="small" onClick={props.onRetry}>Try again</button>
      </div>
    </Notice>
  );
}

function Footer(props: { onBack?: () => void; children?: ComponentChildren }) {
  return (
    <div class="step-footer">
      {props.onBack && <button type="button" onClick={props.onBack}>Back</button>}
      <div class="spacer" />
      {props.children}
    </div>
  );
}
