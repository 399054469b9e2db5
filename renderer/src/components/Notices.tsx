/**
 * The window's notices (renderer/src/notices.ts) in a corner, announced to screen
 * readers, dismissed by the user or after a while. Never modal.
 */
import { useSyncExternalStore } from 'react';
import type { NoticeStore } from '../notices';

export type { Notice } from '../notices';

export function Notices({ store }: { store: NoticeStore }) {
  const notices = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return (
    <div className="notices" aria-live="polite" aria-relevant="additions">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-text">{notice.text}</span>
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => store.dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
