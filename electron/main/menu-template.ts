/**
 * The native menus as a template, built from the command table
 * (shared/commands): each command placed in a menu becomes an item that sends its
 * id to the renderer (which runs it, renderer/src/commands/run.ts); the roles
 * between them are Electron's own. A pure function (Electron is imported for its
 * types only), so tests build the template without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, MENUS, menuAccelerator, type CommandId, type CommandSpec, type MenuRole } from '../../shared/commands';

export interface MenuEnvironment {
  /** `process.platform`: macOS gets the app menu, Close instead of Quit and its own Redo key. */
  platform: string;
  /** Development builds add the developer tools to the View menu. */
  isDev: boolean;
  /** Sends a command to the window's renderer. */
  send(id: CommandId): void;
}

function roleItem(role: MenuRole, env: MenuEnvironment): MenuItemConstructorOptions[] {
  if (role === 'toggleDevTools' && !env.isDev) return [];
  if (role === 'quit' && env.platform === 'darwin') return [{ role: 'close' }];
  return [{ role }];
}

function commandItem(command: CommandSpec, env: MenuEnvironment): MenuItemConstructorOptions {
  const placement = command.menu!;
  const item: MenuItemConstructorOptions = { label: placement.label, click: () => env.send(command.id as CommandId) };
  const accelerator = placement.accelerator;
  if (accelerator) {
    const key = typeof accelerator === 'string' ? accelerator : env.platform === 'darwin' ? accelerator.mac : accelerator.key;
    item.accelerator = menuAccelerator(key);
  }
  return item;
}

/** The application menu's template for one platform. */
export function menuTemplate(env: MenuEnvironment): MenuItemConstructorOptions[] {
  const commands: readonly CommandSpec[] = COMMANDS;
  const menus: MenuItemConstructorOptions[] = MENUS.map((menu) => {
    const sections = menu.sections
      .map((section) =>
        'roles' in section
          ? section.roles.flatMap((role) => roleItem(role, env))
          : commands.filter((c) => c.menu?.menu === menu.id && c.menu.section === section.commands).map((c) => commandItem(c, env)),
      )
      .filter((items) => items.length > 0);
    const submenu = sections.flatMap((items, i) => (i === 0 ? items : [{ type: 'separator' as const }, ...items]));
    return { label: menu.label, submenu };
  });
  return [...(env.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []), ...menus, { role: 'windowMenu' }];
}
