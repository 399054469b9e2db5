/**
 * One metadata field that takes corrections and insertions: a small ProseMirror
 * editor over the field's rich form (shared/model/meta-text.ts), with its own
 * undo history and the body's editorial commands bound to the command table's
 * keys (Ctrl+[ insertion, Ctrl+Shift+K correction, …). Mounted by hand in a
 * layout effect and destroyed in the cleanup; the props are read once.
 */
import { useLayoutEffect, useRef } from 'react';
import { EditorState, type Command, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import type { Node as PMNode } from 'prosemirror-model';
import type { RichMetaField } from '../../../shared/model/meta-text';
import type { EditorController } from '../../editor/controller';
import { keyBindings, type EditorCommands } from '../../editor/keymap';
import { buildTyping } from '../../editor/typing';
import { buildProvenance } from '../../editor/provenance';
import { provenanceOptions } from '../window-services';
import '../styles/meta-fields.css';

interface Props {
  field: RichMetaField;
  /** The id of the element (`meta-<field>`), labelled by its `<label>`. */
  id: string;
  labelId: string;
  describedBy?: string;
  multiline: boolean;
  initial: PMNode;
  controller: EditorController;
  /** The field's editorial commands by command-table id (see meta-fields.ts). */
  commands: EditorCommands;
  onChange(node: PMNode): void;
}

/** The field editor's plugins: the table's keys, then the base keymap (Enter a break only where the field has lines). */
function plugins(commands: EditorCommands, multiline: boolean): Plugin[] {
  const bindings = keyBindings(multiline ? commands : { ...commands, lineBreak: undefined });
  // A one-line field has no Enter of its own: the form's Enter does nothing there either.
  const none: Command = () => true;
  const base = { ...baseKeymap, Enter: multiline ? baseKeymap.Enter : none };
  for (const key of Object.keys(bindings)) delete (base as Record<string, Command>)[key];
  return [keymap(bindings), keymap(base), history({ newGroupDelay: 500 }), ...buildTyping(), buildProvenance(provenanceOptions())];
}

export function MetaFieldEditor({ field, id, labelId, describedBy, multiline, initial, controller, commands, onChange }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const props = useRef({ initial, commands, multiline, onChange });
  useLayoutEffect(() => {
    props.current.onChange = onChange;
  });

  useLayoutEffect(() => {
    const place = mount.current;
    if (!place) return;
    const { initial: doc, commands: cmds, multiline: lines } = props.current;
    const view = new EditorView(place, {
      state: EditorState.create({ doc, plugins: plugins(cmds, lines) }),
      dispatchTransaction: controller.dispatch,
      attributes: {
        id,
        class: `meta-text${lines ? ' multiline' : ''}`,
        role: 'textbox',
        'aria-multiline': String(lines),
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        'data-field': field,
        spellcheck: 'true',
        lang: 'en',
      },
    });
    controller.attach(view);
    const stop = controller.onDocChange((_tr, state) => props.current.onChange(state.doc));
    return () => {
      stop();
      controller.detach(view);
      view.destroy();
    };
  }, [controller, field, id, labelId, describedBy]);

  return <div ref={mount} className="meta-text-mount" />;
}
