// The reference page: the same questionnaire JSON rendered the stock way, as the SurveyJS
// "Add a Survey to a JavaScript Application" guide does (survey-core + survey-js-ui + the
// default theme's CSS), in the respondent's language (the demo respondent reads French).
import { Model } from 'survey-core';
import 'survey-core/survey-core.min.css';
import 'survey-core/i18n/french';
import 'survey-js-ui';
import json from '../../surveys/regional-presence-2026.json';

const survey = new Model(json);
survey.locale = 'fr';
survey.render(document.getElementById('surveyContainer'));
