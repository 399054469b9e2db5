/** The renderer's React hooks: one job each, one file each. */
export { shallowEqual, useEditorSelector } from './use-editor-selector';
export { useModalDialog } from './use-modal-dialog';
