// @azure/functions is CommonJS without detectable named exports, so ESM code takes the default
// export (Azure/azure-functions-nodejs-library#287). Types import normally.
import azureFunctions from '@azure/functions';

export const { app, HttpRequest, InvocationContext } = azureFunctions;
export type { HttpHandler, HttpResponseInit, Timer } from '@azure/functions';
export type HttpRequestT = InstanceType<typeof azureFunctions.HttpRequest>;
export type InvocationContextT = InstanceType<typeof azureFunctions.InvocationContext>;
