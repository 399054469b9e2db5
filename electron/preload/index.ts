/**
 * The preload: exposes `window.interlinea`, one typed async function per request
 * of the contract, and a menu subscription. The renderer never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { REQUEST_NAMES, MENU_CHANNEL, channelFor } from '../../shared/ipc/names';
import type { InterlineaApi } from '../../shared/ipc/contract';

const api: Record<string, unknown> = {};
for (const name of REQUEST_NAMES) {
  api[name] = (input: unknown) => ipcRenderer.invoke(channelFor(name), input ?? {});
}
api.onMenu = (listener: (command: string) => void) => {
  const wrapped = (_event: IpcRendererEvent, command: unknown) => {
    if (typeof command === 'string') listener(command);
  };
  ipcRenderer.on(MENU_CHANNEL, wrapped);
  return () => ipcRenderer.removeListener(MENU_CHANNEL, wrapped);
};

contextBridge.exposeInMainWorld('interlinea', Object.freeze(api as InterlineaApi));
