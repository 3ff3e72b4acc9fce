/** The mock tenant for Vitest: MSW's Node server over the shared handlers. */
import { setupServer } from 'msw/node';
import { handlers } from './handlers';

export const server = setupServer(...handlers);
