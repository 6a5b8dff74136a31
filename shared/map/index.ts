// Header mapping: which column fills which field, why, and which resource a file holds.
export * from './types.ts';
export { mapHeaders, FUZZY_THRESHOLD } from './map-headers.ts';
export { detectResource, MIN_DETECTION_SCORE, AMBIGUITY_MARGIN, type ResourceDetection, type ResourceGuess } from './detect-resource.ts';
export { headerSetKey } from './header-set-key.ts';
export { compactHeader, pivorHeaderKey } from './header-key.ts';
export { splitFullName, partsFromFullName, fullNameField, NAME_PARTS } from './full-name.ts';
export { headerIndex } from './header-index.ts';
export { headerRowScore, type HeaderRowScore } from './header-row-score.ts';
export { columnSamples, tableSamples, contentScore, SAMPLE_ROWS } from './column-values.ts';
export { phoneKind, type PhoneKind } from './phone-kind.ts';
export { fieldColumns } from './field-columns.ts';
export { mappingConfidence, type Confidence, type ConfidenceLevel } from './confidence.ts';
export { fieldSuggestions, type FieldSuggestion } from './field-suggestions.ts';
export { recallSavedMapping, withSavedMapping, type SavedMapping, type RecalledMapping, type HeaderFit } from './saved-mapping.ts';
