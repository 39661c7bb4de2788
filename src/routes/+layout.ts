/**
 * Every page is rendered on the server and works as plain HTML forms: no JavaScript
 * is shipped, so a respondent on a 2G link downloads one HTML page and one stylesheet.
 * Later interactive screens (authoring, dashboards) opt back in per route.
 */
export const csr = false;
