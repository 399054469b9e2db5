/**
 * Mounts the document's EditorView by hand in a layout effect and destroys it in
 * the cleanup. ProseMirror owns the state from then on; the props are read once.
 */
import { useLayoutEffect, useRef } from 'react';
import { EditorView } from 'prosemirror-view';
import { schema } from '../../../shared/model/schema';
import type { PMJson } from '../../../shared/model/document';
import type { EditorController } from '../../editor/controller';
import type { EditorUi } from '../../editor/keymap';
import { buildNodeViews, createEditorState, type ColumnLanguages } from '../../editor/plugins';

interface Props {
  controller: EditorController;
  body: PMJson;
  languages: ColumnLanguages;
  ui: EditorUi;
}

export function DocumentEditor({ controller, body, languages, ui }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  // Read once at mount: later prop changes must not reach into the view.
  const initial = useRef({ body, languages, ui });

  useLayoutEffect(() => {
    const place = mount.current;
    if (!place) return;
    const { body: initialBody, languages: langs, ui: editorUi } = initial.current;
    const view = new EditorView(place, {
      state: createEditorState(schema, initialBody, { ui: editorUi }),
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
