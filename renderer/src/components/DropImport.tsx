/**
 * Drag-and-drop import: files dropped anywhere on the window are read and
 * imported; a visible target says what will happen while files are dragged over.
 */
import { useEffect, useState } from 'react';

interface Props {
  onFiles(files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]): void;
  onError(message: string): void;
}

const MAX_BYTES = 20 * 1024 * 1024;

function hasFiles(event: DragEvent): boolean {
  return !!event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');
}

export function DropImport({ onFiles, onError }: Props) {
  const [over, setOver] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setOver(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragover = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = async (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Files are for import, never for the editor's text.
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setOver(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (!files.length) return;
      const tooBig = files.filter((f) => f.size > MAX_BYTES);
      if (tooBig.length) {
        onError(`${tooBig.map((f) => f.name).join(', ')}: larger than 20 MB, not imported. Nothing was imported.`);
        return;
      }
      try {
        const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
        onFiles(read);
      } catch (err) {
        onError(`Could not read the dropped files (${(err as Error).message}). A folder cannot be imported; drop its files.`);
      }
    };
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('dragover', dragover, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('dragover', dragover, true);
      window.removeEventListener('drop', drop, true);
    };
  }, [onFiles, onError]);

  if (!over) return null;
  return (
    <div className="drop-target" aria-hidden="true">
      <div className="drop-message">
        Drop archive pages to import them
        <span lang="ko">파일을 놓으면 가져옵니다</span>
      </div>
    </div>
  );
}
