/**
 * The shape of the command table (see `table.ts`): what an action is called, where
 * it appears and which keys run it. Pure data, read by the native menu (Electron's
 * main process) and by the renderer (keymap, toolbar, F1 overlay, menu router).
 */

/** The sections of the shortcuts overlay (F1), in the order it shows them. */
export const COMMAND_GROUPS = ['Editing', 'Annotations', 'Rows', 'Restoring the Korean', 'Moving around', 'View', 'App'] as const;

/** A section of the shortcuts overlay. */
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/** The native menus that hold commands. */
export type MenuId = 'file' | 'edit' | 'restore' | 'view';

/** The groups of the editing toolbar, in the order it shows them (`ariaLabel` names the group). */
export const TOOLBAR_GROUPS = [
  { id: 'history', ariaLabel: 'History' },
  { id: 'annotations', ariaLabel: 'Annotations' },
  { id: 'rows', ariaLabel: 'Rows' },
  { id: 'restore', ariaLabel: 'Restoring the Korean' },
  { id: 'document', ariaLabel: 'Document' },
] as const;

/** A group of the editing toolbar. */
export type ToolbarGroup = (typeof TOOLBAR_GROUPS)[number]['id'];

/**
 * A key of the native menu's accelerator: one of the command's `keys`, or a
 * different one of them on macOS (Redo: Ctrl+Y elsewhere, ⌘⇧Z on the Mac).
 */
export type MenuAccelerator = string | { readonly key: string; readonly mac: string };

/** Where a command sits in the native menu. */
export interface MenuPlacement {
  /** Which menu. */
  readonly menu: MenuId;
  /**
   * The section of that menu (see `MENUS`); sections are separated by lines and
   * commands of one section appear in the table's order.
   */
  readonly section: string;
  /** The menu item's text (title case, as menus write it). */
  readonly label: string;
  /**
   * The key the native menu shows and registers (one of `keys`). Absent: the item
   * shows no accelerator, and the key (if any) is left to the page. A registered
   * accelerator runs the command even when the focus is outside the editor, so
   * only commands that make sense from anywhere get one.
   */
  readonly accelerator?: MenuAccelerator;
}

/** A command's button in the editing toolbar. */
export interface ToolbarPlacement {
  readonly group: ToolbarGroup;
  /** The button's accessible name and tooltip (the tooltip adds the first key). */
  readonly label: string;
  /** The button's visible text, when shorter than the label. */
  readonly text?: string;
}

/**
 * One action of the workbench, declared once. `id` is what the native menu sends
 * to the renderer and what the renderer binds to a ProseMirror command or an app
 * action (renderer/src/commands/bindings.ts).
 */
export interface CommandSpec {
  readonly id: string;
  /** What the command does, in a sentence fragment (the shortcuts overlay shows it). */
  readonly label: string;
  readonly group: CommandGroup;
  /**
   * Keys in prosemirror-keymap's names (`Mod-Shift-k`: Cmd on macOS, Ctrl
   * elsewhere). The first is the one tooltips show.
   */
  readonly keys?: readonly string[];
  readonly menu?: MenuPlacement;
  readonly toolbar?: ToolbarPlacement;
}

/** Electron's built-in menu roles that the menus place between commands. */
export type MenuRole =
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools';

/** A section of a native menu: the table's commands placed there, or built-in roles. */
export type MenuSection = { readonly commands: string } | { readonly roles: readonly MenuRole[] };

/** A native menu: its title (`&` marks the access key) and its sections, in order. */
export interface MenuSpec {
  readonly id: MenuId;
  readonly label: string;
  readonly sections: readonly MenuSection[];
}
