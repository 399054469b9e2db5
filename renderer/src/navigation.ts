/**
 * Which document the window shows: the URL's hash (`#/doc/<id>`), and the last
 * document opened in each project (remembered in localStorage).
 */

/** The document id the URL names, if any. */
export function idFromHash(): string | null {
  const match = /^#\/doc\/([a-z0-9][a-z0-9-]*)$/.exec(window.location.hash);
  return match ? match[1] : null;
}

/** Shows a document (the hash change opens it). */
export function showDocument(id: string): void {
  window.location.hash = `#/doc/${id}`;
}

function lastDocumentKey(dir: string): string {
  return `interlinea:lastDocument:${dir}`;
}

/** Remembers the document last open in a project. */
export function rememberDocument(dir: string, id: string): void {
  localStorage.setItem(lastDocumentKey(dir), id);
}

/** Opens the document last open in this project, if it is still there. */
export function showRememberedDocument(project: { dir: string; documents: readonly { id: string }[] }): void {
  const last = localStorage.getItem(lastDocumentKey(project.dir));
  if (last && project.documents.some((d) => d.id === last)) showDocument(last);
}
