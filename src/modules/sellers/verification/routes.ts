import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Role, requireRole, seeOther } from '../../../platform/http/context.js';
import { parseInput } from '../../../platform/http/validation.js';
import type { Deps } from '../../../platform/module.js';
import { failedForm } from '../../../web/form-post.js';
import type { FormState } from '../../../web/forms.js';
import { pageCtx, sendHtml } from '../../../web/page.js';
import { noteBody, officerJson, officerVerificationJson, reasonBody, sellerIdParams } from './json.js';
import './messages.js';
import { vneidRoutes } from './routes-vneid.js';
import { loadVerification, revokeVerification, verifyByDocuments } from './service.js';
import { OfficerVerificationPage } from './views/pages.js';

const OFFICERS: Role[] = ['officer', 'admin'];
/** Token scopes (identity/scopes.ts): officers' decisions, and reading. */
const WRITE_SCOPE = 'officer:write';
const READ_SCOPE = 'read';

export function verificationRoutes(app: FastifyInstance, deps: Deps): void {
  officerRoutes(app, deps);
  vneidRoutes(app, deps);
}

function officerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const acting = (req: FastifyRequest) => ({
    actor: requireRole(req, OFFICERS, WRITE_SCOPE),
    ip: req.ip,
    publicUrl: config.publicUrl,
  });

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: { verifyForm?: FormState; revokeForm?: FormState } = {},
    status = 200,
  ) {
    const { seller, verification } = await loadVerification(db, id);
    return sendHtml(
      reply,
      OfficerVerificationPage({ ctx: pageCtx(req, reply), seller, verification, ...forms }),
      status,
    );
  }

  /** A form post: act, then back to the application; invalid fields or a refusal (409) re-render the form. */
  async function post(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: 'verifyForm' | 'revokeForm',
    act: () => Promise<unknown>,
  ) {
    try {
      await act();
      return seeOther(reply, `/quan-ly/ho-so/${id}`);
    } catch (err) {
      const { state, status } = failedForm(err, req.body, [409]);
      return page(req, reply, id, { [form]: state }, status);
    }
  }

  r.get(
    '/quan-ly/ho-so/:id/xac-minh',
    { schema: { hide: true, params: sellerIdParams } },
    async (req, reply) => {
      requireRole(req, OFFICERS);
      return page(req, reply, req.params.id);
    },
  );

  r.post(
    '/quan-ly/ho-so/:id/xac-minh',
    { schema: { hide: true, params: sellerIdParams } },
    async (req, reply) => {
      const by = acting(req);
      return post(req, reply, req.params.id, 'verifyForm', async () => {
        const { note } = parseInput(noteBody, req.body);
        await verifyByDocuments(db, { ...by, sellerId: req.params.id, note });
      });
    },
  );

  r.post(
    '/quan-ly/ho-so/:id/xac-minh/thu-hoi',
    { schema: { hide: true, params: sellerIdParams } },
    async (req, reply) => {
      const by = acting(req);
      return post(req, reply, req.params.id, 'revokeForm', async () => {
        const { reason } = parseInput(reasonBody, req.body);
        await revokeVerification(db, { ...by, sellerId: req.params.id, reason });
      });
    },
  );

  const tags = ['officer'];
  r.get(
    '/api/v1/officer/applications/:id/verification',
    {
      schema: {
        tags,
        summary: "A seller's identity verification",
        params: sellerIdParams,
        response: { 200: officerVerificationJson },
      },
    },
    async (req) => {
      requireRole(req, OFFICERS, READ_SCOPE);
      return officerJson((await loadVerification(db, req.params.id)).verification);
    },
  );

  r.post(
    '/api/v1/officer/applications/:id/verification',
    {
      schema: {
        tags,
        summary: "Record that the seller's identity was verified from its documents",
        params: sellerIdParams,
        body: noteBody,
        response: { 200: officerVerificationJson },
      },
    },
    async (req) => {
      const v = await verifyByDocuments(db, { ...acting(req), sellerId: req.params.id, note: req.body.note });
      return officerJson((await loadVerification(db, v.sellerId)).verification);
    },
  );

  r.post(
    '/api/v1/officer/applications/:id/verification/revoke',
    {
      schema: {
        tags,
        summary: "Withdraw a seller's identity verification, with the reason",
        params: sellerIdParams,
        body: reasonBody,
        response: { 200: officerVerificationJson },
      },
    },
    async (req) =>
      officerJson(
        await revokeVerification(db, { ...acting(req), sellerId: req.params.id, reason: req.body.reason }),
      ),
  );
}
