// The pull and push tests again, with the other plausible Sheets: plain-text cells that drop a leading
// apostrophe, and date-times rounded to the minute. What the sheet changed as it was written must never
// count as an edit, nor reach Pivor.
export {};

process.env.GAS_FAKE_CELLS = 'lossy';
await import('./pull.test.ts');
await import('./round-trip.test.ts');
await import('./resources.test.ts');
