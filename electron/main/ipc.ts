/**
 * Registers one IPC handler per request of the contract, from the handler table.
 * Every message is checked for its sender (a frame showing the app's own page)
 * and its payload is validated by `dispatch` before any handler sees it.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { REQUEST_NAMES, channelFor } from '../../shared/ipc/names';
import { dispatch } from '../../shared/ipc/dispatch';
import type { HandlerTable } from '../../shared/ipc/contract';

export function registerIpc(handlers: HandlerTable, isAppUrl: (url: string) => boolean): void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(channelFor(name), (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) {
        return { ok: false, error: { code: 'forbidden', message: `request ${name} from an unknown page was refused` } };
      }
      return dispatch(handlers, name, input);
    });
  }
}
