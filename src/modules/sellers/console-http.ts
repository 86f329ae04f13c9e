import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { sendXlsx } from '../../web/xlsx.js';
import { registryWorkbook } from './console-export.js';
import {
  decide,
  decisionInput,
  OFFICER_ACTIONS,
  type OfficerAction,
  type registryQuery,
  registryRows,
  vnToday,
} from './console-service.js';

/** Console pages and their JSON twins are officers' own: never cached. */
export { officerOnly } from '../../platform/http/context.js';

export const isOfficerAction = (a: string): a is OfficerAction =>
  (OFFICER_ACTIONS as readonly string[]).includes(a);

/** An officer's decision as a page or the API posts it: the reason checked for the action, then decided. */
export function decideFromRequest(
  deps: Deps,
  req: FastifyRequest,
  d: { actor: Actor; sellerId: string; action: OfficerAction; body: unknown },
) {
  const { reason } = parseInput(decisionInput(d.action), d.body);
  return decide(deps.db, {
    reason,
    sellerId: d.sellerId,
    action: d.action,
    actor: d.actor,
    ip: req.ip,
    publicUrl: deps.config.publicUrl,
  });
}

/** The filtered registry as an XLSX download named for today, e.g. nguoi-ban-2026-11-23.xlsx. */
export async function sendRegistryXlsx(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  filters: z.output<typeof registryQuery>,
) {
  const xlsx = await registryWorkbook(await registryRows(deps.db, filters), req.t, req.locale);
  return sendXlsx(reply, `nguoi-ban-${vnToday()}.xlsx`, xlsx);
}
