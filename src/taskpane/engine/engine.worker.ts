/** The Web Worker entry: runs the engine stages for the task pane (see engineClient.ts). */
import { handleEngineRequest } from './engineWork';
import type { EngineRequest, EngineResponse } from './protocol';

const scope = globalThis as unknown as {
  onmessage: ((event: { data: EngineRequest }) => void) | null;
  postMessage: (message: EngineResponse) => void;
};

scope.onmessage = (event) => void handleEngineRequest(event.data, (response) => scope.postMessage(response));
