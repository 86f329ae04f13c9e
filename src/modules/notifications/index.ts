import type { Module } from '../../platform/module.js';
import './messages.js';
import { notificationRoutes } from './routes.js';

export { listNotifications, markAllRead, type Notice, notify, unreadCount } from './service.js';

export const notificationsModule: Module = { name: 'notifications', routes: notificationRoutes };
