import { errorResponse, type HttpResponseInit } from './respond.js';
import type { HttpRequestT, InvocationContextT } from './runtime.js';

/** Every HTTP function's shell: run the handler, turn refusals and failures into responses. */
export function handled(handler: (request: HttpRequestT, context: InvocationContextT) => Promise<HttpResponseInit>) {
  return async (request: HttpRequestT, context: InvocationContextT): Promise<HttpResponseInit> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}
