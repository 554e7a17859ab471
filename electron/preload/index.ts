import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from '../../shared/ipc/bridge';

// The renderer's whole view of main: one function per contract channel, one
// `on…` per event, and the raw ipcRenderer never crosses the bridge.
contextBridge.exposeInMainWorld(
  'casebook',
  buildApi(
    (channel, payload) => ipcRenderer.invoke(channel, payload),
    (channel, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => ipcRenderer.removeListener(channel, forward);
    },
  ),
);
