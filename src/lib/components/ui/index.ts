/** The Secretariat's shared components (one stylesheet: src/lib/ui/secretariat.css). docs/secretariat-ui.md shows their use. */
export { default as ActionBar } from './ActionBar.svelte';
export { default as Breadcrumbs, type Crumb } from './Breadcrumbs.svelte';
export { default as ConfirmAction } from './ConfirmAction.svelte';
export { default as DataTable } from './DataTable.svelte';
export { default as Fieldset } from './Fieldset.svelte';
export { default as FormField } from './FormField.svelte';
export { default as ImportProblems } from './ImportProblems.svelte';
export { default as Notice } from './Notice.svelte';
export { default as Sparkline } from './Sparkline.svelte';
export { default as Tabs } from './Tabs.svelte';
export { default as SecretOnce } from './SecretOnce.svelte';
