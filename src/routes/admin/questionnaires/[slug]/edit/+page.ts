/**
 * The editor is the one authoring page that runs script: the JSON view's live check
 * and the preview pane. Every form still posts without it (progressive enhancement).
 */
export const csr = true;
