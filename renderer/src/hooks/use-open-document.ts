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

export function useOpenDocument(registry: SaveRegistry, projectDir: string | null) {
  const [openId, setOpenId] = useState<string | null>(() => idFromHash());
  const [open, setOpen] = useState<OpenDocument>({ status: 'none' });

  useEffect(() => {
    const onHash = () => setOpenId(idFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Load the document the URL names: unsaved content first, else the file.
  useEffect(() => {
    if (!openId) {
      setOpen({ status: 'none' });
      return;
    }
    const pending = registry.pending(openId);
    if (pending) {
      setOpen((current) =>
        current.status === 'ready' && current.id === openId ? current : { status: 'ready', id: openId, doc: pendingDocument(pending) },
      );
      return;
    }
    let cancelled = false;
    setOpen({ status: 'loading', id: openId });
    api.getDocument({ id: openId }).then(
      (doc) => !cancelled && setOpen({ status: 'ready', id: openId, doc }),
      (err) => !cancelled && setOpen({ status: 'error', id: openId, message: errorMessage(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [openId, registry]);

  useEffect(() => {
    if (projectDir && open.status === 'ready') rememberDocument(projectDir, open.id);
  }, [projectDir, open]);

  const openTitle = open.status === 'ready' ? open.doc.meta.title : null;
  useEffect(() => {
    document.title = openTitle ? `${openTitle} — Interlinea` : 'Interlinea';
  }, [openTitle]);

  /** Closes the document now (the project changed), without waiting for the hash change. */
  const close = useCallback(() => {
    window.location.hash = '';
    setOpenId(null);
  }, []);

  return { openId, open, close };
}
