import { getDb } from '../db/instance.ts';
import { listEditionReports, listTranslationProgress } from './home.ts';

/** The Translations and Reports landing pages' data from the server's database (routes do not reach the database themselves). */
export const translationsArea = () => listTranslationProgress(getDb());
export const reportsArea = () => listEditionReports(getDb());
