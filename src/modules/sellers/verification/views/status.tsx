import { formatDate, type Locale, type Translate } from '../../../../platform/http/i18n.js';
import type { VerificationView } from '../service.js';

interface Props {
  ctx: { t: Translate; locale: Locale };
  verification: VerificationView;
  /** Start of the VNeID check (seller centre, when the provider is configured); no button without it. */
  vneidUrl?: string;
  /** Say why an earlier verification was withdrawn (the seller and officers; not the public). */
  showRevocation?: boolean;
}

/** The one sentence saying how (and whether) a seller's identity was verified. */
export function verificationText(t: Translate, locale: Locale, v: VerificationView): string {
  if (!v.method || !v.verifiedAt) return t('verify.status.none');
  return t(`verify.status.${v.method}`, { date: formatDate(v.verifiedAt, locale) });
}

/**
 * How the seller was verified: "Đã xác thực qua VNeID ngày ...", "Đã xác minh qua hồ sơ
 * giấy tờ bởi cán bộ ngày ..." or "Chưa xác thực"; for the application, the seller centre
 * and the storefront.
 */
export function VerificationStatus({ ctx, verification: v, vneidUrl, showRevocation }: Props) {
  const { t, locale } = ctx;
  const verified = Boolean(v.method);
  return (
    <div class={`notice verification ${verified ? 'ok' : 'warn'}`}>
      <p class="verification-status">
        <span class={`badge ${verified ? 'ok' : ''}`} data-method={v.method ?? 'none'} safe>
          {verificationText(t, locale, v)}
        </span>
      </p>
      {showRevocation && v.revoked ? (
        <p safe>
          {t('verify.status.revoked', { date: formatDate(v.revoked.at, locale), reason: v.revoked.reason })}
        </p>
      ) : (
        ''
      )}
      {vneidUrl && v.method !== 'oidc' ? (
        <p>
          <a class="button" href={vneidUrl} safe>
            {t('verify.vneid.button')}
          </a>
        </p>
      ) : (
        ''
      )}
    </div>
  );
}
