/**
 * The native menus, built from the command table (see menu-template.ts). Every
 * command item sends its id to the renderer on the menu channel.
 */
import { Menu, type BrowserWindow } from 'electron';
import { MENU_CHANNEL } from '../../shared/ipc/names';
import { menuTemplate } from './menu-template';

export function buildMenu(getWindow: () => BrowserWindow | null, isDev: boolean): Menu {
  return Menu.buildFromTemplate(
    menuTemplate({
      platform: process.platform,
      isDev,
      send: (id) => getWindow()?.webContents.send(MENU_CHANNEL, id),
    }),
  );
}
