/** The command table and its key names: see `table.ts` (the commands) and `keys.ts` (reading keys). */
export { COMMANDS, MENUS, commandKeys, commandSpec, isCommandId, type CommandId } from './table';
export { COMMAND_GROUPS, TOOLBAR_GROUPS } from './types';
export type { CommandGroup, CommandSpec, MenuAccelerator, MenuId, MenuPlacement, MenuRole, MenuSection, MenuSpec, ToolbarGroup, ToolbarPlacement } from './types';
export { ariaKeyShortcut, displayKey, menuAccelerator, normalKey, parseKey, type ParsedKey } from './keys';
