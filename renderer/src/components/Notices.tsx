/**
 * Short messages (imports, exports, errors) in a corner, announced to screen
 * readers, dismissed by the user or after a while. Never modal.
 */
import { useCallback, useRef, useState } from 'react';

export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (notice: Omit<Notice, 'id'>) => {
      const id = next.current++;
      setNotices((list) => [...list.slice(-4), { ...notice, id }]);
      // Errors stay until dismissed: they may need reading twice.
      if (notice.kind !== 'error') setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  return { notices, notify, dismiss };
}

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  return (
    <div className="notices" aria-live="polite" aria-relevant="additions">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-text">{notice.text}</span>
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
