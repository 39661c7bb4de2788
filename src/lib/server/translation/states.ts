/**
 * The translation states (which string is translated, reviewed or stale) that the
 * authoring area keeps in step when it saves or publishes a questionnaire: the
 * translation area's public functions, so that no other area reads its repository.
 */
export { copyTranslationStates, upsertTranslationStates } from './states-repository.ts';
