// npm run bench: every benchmark in one run, each printing its figures as ratios to a baseline measured in the same run.
import { runPipelineBench } from './pipeline.ts';
import { runExportBench } from './export.ts';
import { runPushBench } from './push.ts';
import { runExtensionPushBench } from './extension-push.ts';
import { formatSheetsBench, runSheetsBench } from './sheets.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

log('== CSV pipeline: read + map + normalize + validate vs a plain papaparse parse ==');
runPipelineBench({ log });

log('\n== Push: 5,000 new contacts to the sandbox (own process, 20 ms latency) vs the ideal concurrency ÷ latency ==');
await runPushBench({ log });

log('\n== Extension push: 2,000 new contacts through the wizard in Chromium vs the CLI push, same sandbox, same concurrency ==');
await runExtensionPushBench({ log });

log('\n== Export: 10,000 contacts from the sandbox (own process, 20 ms latency), pages one at a time vs 4 at a time ==');
await runExportBench({ log });

log('\n== Sheets add-on: pull 10,000 rows and push 1,000 changes in the vm (20 ms latency) ==');
log(formatSheetsBench(await runSheetsBench({ log })));
