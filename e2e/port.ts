/** Port of the local server that serves the built renderer to the browser tests and the benchmark. */
export const E2E_PORT = Number(process.env.INTERLINEA_E2E_PORT ?? 4179);
export const E2E_URL = `http://127.0.0.1:${E2E_PORT}/`;
