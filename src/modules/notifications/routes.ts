import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireRole, seeOther } from '../../platform/http/context.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { listNotifications, markAllRead, unreadCount } from './service.js';
import { NotificationsPage } from './views.js';

const anyone = ['buyer', 'officer', 'admin'] as const;

const notificationOut = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

/** The signed-in user's in-app notifications: the list, and "mark all as read". */
export function notificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get('/thong-bao', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const [items, unread] = await Promise.all([listNotifications(db, actor.id), unreadCount(db, actor.id)]);
    return sendHtml(reply, NotificationsPage({ ctx: pageCtx(req, reply), items, unread }));
  });
  r.post('/thong-bao/da-doc', { schema: { hide: true } }, async (req, reply) => {
    await markAllRead(db, requireActor(req).id);
    return seeOther(reply, '/thong-bao');
  });

  r.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags: ['account'],
        summary: 'My latest notifications (50), newest first, with the unread count',
        security: [{ bearer: [] }],
        response: { 200: z.object({ items: z.array(notificationOut), unread: z.number().int() }) },
      },
    },
    async (req) => {
      const actor = requireRole(req, [...anyone], 'read');
      const [items, unread] = await Promise.all([listNotifications(db, actor.id), unreadCount(db, actor.id)]);
      return { items, unread };
    },
  );
  r.post(
    '/api/v1/me/notifications/read',
    {
      schema: {
        tags: ['account'],
        summary: 'Mark all my notifications as read',
        security: [{ bearer: [] }],
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await markAllRead(db, requireRole(req, [...anyone], 'read').id);
      return reply.code(204).send(null);
    },
  );
}
