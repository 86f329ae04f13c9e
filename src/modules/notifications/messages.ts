import { addMessages } from '../../platform/http/i18n.js';

addMessages({
  vi: {
    'mail.greeting': 'Kính gửi {name},',
    'nav.notifications': 'Thông báo',
    'notifications.title': 'Thông báo',
    'notifications.unread': '{count} thông báo chưa đọc',
    'notifications.none': 'Bạn chưa có thông báo nào.',
    'notifications.mark_all_read': 'Đánh dấu tất cả là đã đọc',
    'notifications.new': 'Mới',
    'notifications.open': 'Xem chi tiết',
  },
  en: {
    'mail.greeting': 'Dear {name},',
    'nav.notifications': 'Notifications',
    'notifications.title': 'Notifications',
    'notifications.unread': '{count} unread',
    'notifications.none': 'You have no notifications yet.',
    'notifications.mark_all_read': 'Mark all as read',
    'notifications.new': 'New',
    'notifications.open': 'Open',
  },
});
