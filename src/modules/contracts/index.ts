import type { Module } from '../../platform/module.js';
import { instanceInfo } from '../geo/index.js';
import { ORDER_PLACED, type OrderPlaced } from '../orders/events.js';
import './messages.js';
import { signerFor } from './keys.js';
import { contractRoutes } from './routes.js';
import { contractApiRoutes } from './routes-api.js';
import { createContract } from './service.js';

export { type ContractRef, contractsOfOrders } from './service.js';

export const contractsModule: Module = {
  name: 'contracts',
  routes(app, deps) {
    contractRoutes(app, deps);
    contractApiRoutes(app, deps);
  },
  handlers: ({ db, config }) => ({
    // Every placed order becomes a signed contract; a repeated event finds it made.
    [ORDER_PLACED]: async ({ order }: OrderPlaced) => {
      await createContract(
        db,
        {
          signer: signerFor(config),
          instance: instanceInfo(config),
          publicUrl: config.publicUrl,
          autoCompleteDays: config.buying.autoCompleteDays,
        },
        order,
      );
    },
  }),
};
