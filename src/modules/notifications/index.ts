import { addMessages } from '../../platform/http/i18n.js';
import type { Module } from '../../platform/module.js';

export { listNotifications, markAllRead, type Notice, notify, unreadCount } from './service.js';

addMessages({
  vi: { 'mail.greeting': 'Kính gửi {name},' },
  en: { 'mail.greeting': 'Dear {name},' },
});

export const notificationsModule: Module = { name: 'notifications' };
