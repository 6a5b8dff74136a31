// The import wizard: File → Mapping → Review → Plan → Push → Results, in its own tab.
// It owns the state that crosses steps; each step component only shows and asks.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { mapHeaders, type UserMapping } from '../../shared/map/index.ts';
import { getResource, isResourceName, type ResourceName } from '../../shared/resources/index.ts';
import { AppHeader } from '../ui/app-header.tsx';
import { Notice } from '../ui/notice.tsx';
import { useSession } from '../ui/use-session.ts';
import { signInUrl } from '../lib/open-wizard.ts';
import { recallMapping, rememberMapping } from '../storage/mapping-memory.ts';
import type { ChosenFile } from './chosen-file.ts';
import { CsvWorkerClient } from './csv-worker-client.ts';
import { Stepper, type StepName } from './stepper.tsx';
import { FileStep } from './steps/file-step.tsx';
import { MappingStep } from './steps/mapping-step.tsx';
import { handoffIdFromHash, useHandoff } from './use-handoff.ts';
import type { ParseSummary } from './worker-protocol.ts';

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
  const [remembered, setRemembered] = useState(false);

  const loadFile = async (chosen: ChosenFile) => {
    setFile(chosen);
    setParsed(null);
    setFileError(null);
    setReading(true);
    try {
      const summary = await worker.parse(chosen.bytes);
      if (summary.headers.length === 0 || summary.headers.every((h) => h.trim() === '')) {
        throw new Error('The file is empty or has no header row.');
      }
      setParsed(summary);
      const suggested = summary.detection.resource;
      if (suggested && (!summary.detection.ambiguous || !resource)) setResource(suggested);
    } catch (error) {
      setFileError(error instanceof Error ? error.message : String(error));
    } finally {
      setReading(false);
    }
  };

  useEffect(() => {
    if (handoff.kind === 'ready') void loadFile(handoff.file);
  }, [handoff.kind]);

  // The user's earlier choices for this set of headers come back whenever the resource or file changes.
  useEffect(() => {
    if (!resource || !parsed) return;
    void recallMapping(resource, parsed.headers).then((m) => {
      setUserMapping(m);
      setRemembered(Object.keys(m).length > 0);
    });
  }, [resource, parsed]);

  const mapping = useMemo(
    () => (resource && parsed ? mapHeaders(getResource(resource), parsed.headers, userMapping) : null),
    [resource, parsed, userMapping],
  );

  const changeMapping = (header: string, field: string | null) => {
    if (!resource || !parsed) return;
    const next = { ...userMapping, [header]: field };
    setUserMapping(next);
    void rememberMapping(resource, parsed.headers, next);
  };

  const resetMapping = () => {
    if (!resource || !parsed) return;
    setUserMapping({});
    setRemembered(false);
    void rememberMapping(resource, parsed.headers, {});
  };

  const spec = resource ? getResource(resource) : null;
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
        <section class="card step-card" aria-labelledby="step-title">
          {step === 'File' && (
            <>
              <StepHead title="Choose the file" text="A CSV file of clients, contacts or communications." />
              <FileStep file={file} parsed={parsed} reading={reading} error={fileError} handoff={handoff}
                onAllowHandoff={() => void allowHandoff()} onFile={(f) => void loadFile(f)} resource={resource} onResource={setResource} />
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
              <MappingStep resource={resource} headers={parsed.headers} samples={parsed.samples} mapping={mapping}
                remembered={remembered} onChange={changeMapping} onReset={resetMapping} />
              <Footer onBack={() => setStep('File')}>
                <button type="button" class="primary" onClick={() => setStep('Review')}>Check the rows</button>
              </Footer>
            </>
          )}
        </section>
      </main>
    </>
  );
}

function StepHead(props: { title: string; text: string }) {
  return (
    <div class="step-head">
      <h2 id="step-title">{props.title}</h2>
      <p>{props.text}</p>
    </div>
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
