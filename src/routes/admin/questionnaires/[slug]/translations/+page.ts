/**
 * The workbench runs script for its keyboard moves (Alt+Arrow, Ctrl+Enter); every form
 * still posts without it ("save and next" does what Ctrl+Enter does).
 */
export const csr = true;
