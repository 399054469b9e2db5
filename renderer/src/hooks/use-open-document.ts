/**
 * The document the URL names (`#/doc/<id>`), loaded: its unsaved content when the
 * registry still holds some, else its file. The window's title follows it, and
 * the project remembers it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentFile } from '../../../shared/model/document';
import { api, errorMessage } from '../api';
import { idFromHash, rememberDocument } from '../navigation';
import type { SaveRegistry, SavePayload } from '../save-registry';

export type OpenDocument =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; doc: DocumentFile }
  | { status: 'error'; id: string; message: string };

/** A document from its unsaved content (what the editor reads of it). */
function pendingDocument(payload: SavePayload): DocumentFile {
  return {
    schemaVersion: 1,
    id: payload.id,
    meta: payload.meta,
    body: payload.body,
    source: { file: '', format: '', importedAt: '', witness: [], notes: [] },
    updatedAt: '',
  };
}

/** What to show for a document id before anything is fetched. */
function initialState(openId: string | null, registry: SaveRegistry): OpenDocument {
  if (!openId) return { status: 'none' };
  const pending = registry.pending(openId);
  return pending ? { status: 'ready', id: openId, doc: pendingDocument(pending) } : { status: 'loading', id: openId };
}

export function useOpenDocument(registry: SaveRegistry, projectDir: string | null) {
  const [openId, setOpenId] = useState<string | null>(() => idFromHash());
  const [open, setOpen] = useState<OpenDocument>(() => initialState(openId, registry));
  // Another id: start over from its unsaved content, or load it (state adjusted
  // while rendering, as React advises, rather than in an effect).
  const [shownId, setShownId] = useState(openId);
  if (shownId !== openId) {
    setShownId(openId);
    setOpen(initialState(openId, registry));
  }

  useEffect(() => {
    const onHash = () => setOpenId(idFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Load the document's file (unless its unsaved content is shown).
  const loadingId = open.status === 'loading' ? open.id : null;
  useEffect(() => {
    if (!loadingId) return;
    let cancelled = false;
    api.getDocument({ id: loadingId }).then(
      (doc) => !cancelled && setOpen({ status: 'ready', id: loadingId, doc }),
      (err) => !cancelled && setOpen({ status: 'error', id: loadingId, message: errorMessage(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [loadingId]);

  useEffect(() => {
    if (projectDir && open.status === 'ready') rememberDocument(projectDir, open.id);
  }, [projectDir, open]);

  const openTitle = open.status === 'ready' ? open.doc.meta.title : null;
  useEffect(() => {
    document.title = openTitle ? `${openTitle} — Interlinea` : 'Interlinea';
  }, [openTitle]);

  /** Shows `doc` as the open document's content now (a version of it was restored). */
  const replace = useCallback((doc: DocumentFile) => {
    setOpen((current) => (current.status !== 'none' && current.id === doc.id ? { status: 'ready', id: doc.id, doc } : current));
  }, []);

  /** Closes the document now (the project changed), without waiting for the hash change. */
  const close = useCallback(() => {
    window.location.hash = '';
    setOpenId(null);
  }, []);

  return { openId, open, close, replace };
}
