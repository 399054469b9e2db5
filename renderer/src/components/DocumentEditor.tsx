/**
 * Mounts the document's EditorView by hand in a layout effect and destroys it in
 * the cleanup. ProseMirror owns the state from then on; the props are read once.
 */
import { useLayoutEffect, useRef } from 'react';
import { EditorView } from 'prosemirror-view';
import { schema } from '../../../shared/model/schema';
import type { PMJson } from '../../../shared/model/document';
import type { EditorController } from '../../editor/controller';
import { buildNodeViews, createEditorState, type ColumnLanguages, type EditorOptions } from '../../editor/plugins';

interface Props {
  controller: EditorController;
  body: PMJson;
  languages: ColumnLanguages;
  /** The commands behind the keys, and the restoration plugins (built fresh for each mount). */
  options: () => EditorOptions;
}

export function DocumentEditor({ controller, body, languages, options }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  // Read once at mount: later prop changes must not reach into the view.
  const initial = useRef({ body, languages, options });

  useLayoutEffect(() => {
    const place = mount.current;
    if (!place) return;
    const { body: initialBody, languages: langs, options: editorOptions } = initial.current;
    const view = new EditorView(place, {
      state: createEditorState(schema, initialBody, editorOptions()),
      nodeViews: buildNodeViews(langs),
      dispatchTransaction: controller.dispatch,
      attributes: {
        class: 'doc-editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Document: English, witness and Korean restoration in aligned rows',
        'data-region-focus': '',
      },
    });
    controller.attach(view);
    return () => {
      controller.detach(view);
      view.destroy();
    };
  }, [controller]);

  return <div ref={mount} className="editor-mount" data-region />;
}
