import { Field, type FormState, fieldError, Select } from '../../../web/forms.js';
import type { PageCtx } from '../../../web/page.js';
import { type DocumentKind, OCOP_MAX, ocopGroups, ocopStars } from '../reference.js';

/** Files already stored for this form: id -> original name (only those the user may attach). */
export type AttachedFiles = Map<string, string>;

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp';

/**
 * A file field that survives a round trip: a file stored by an earlier post stays attached
 * through a hidden field holding its id, and choosing another file replaces it.
 */
export function FileField(p: {
  ctx: PageCtx;
  state: FormState;
  attached: AttachedFiles;
  /** Where the stored file's id goes (and where its errors are reported). */
  field: string;
  /** Name of the file input. */
  upload: string;
  label: string;
  required?: boolean;
  maxMb: number;
}) {
  const { t } = p.ctx;
  const id = `f-${p.field}`;
  const error = fieldError(p.state, p.field);
  const fileId = String(p.state.values[p.field] ?? '');
  const name = p.attached.get(fileId);
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} safe>
        {`${p.label}${p.required ? ' *' : ''}`}
      </label>
      {name ? (
        <p class="hint" id={`${id}-hint`}>
          <span safe>{t('seller.file.attached')}</span>{' '}
          <a href={`/tep/${fileId}`} safe>
            {name}
          </a>
          <span safe>{` ${t('seller.file.replace')}`}</span>
        </p>
      ) : (
        <p class="hint" id={`${id}-hint`} safe>
          {t('seller.file.hint', { mb: p.maxMb })}
        </p>
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`} safe>
          {t(error.key, error.params)}
        </p>
      ) : (
        ''
      )}
      <input
        id={id}
        type="file"
        name={p.upload}
        accept={ACCEPT}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      <input type="hidden" name={p.field} value={name ? fileId : ''} />
    </div>
  );
}

export function DocumentFields(p: {
  ctx: PageCtx;
  state: FormState;
  attached: AttachedFiles;
  kinds: { kind: DocumentKind; required: boolean }[];
  maxMb: number;
}) {
  const { t } = p.ctx;
  return (
    <fieldset class="group">
      <legend safe>{t('seller.apply.documents')}</legend>
      <p class="hint" safe>
        {t('seller.apply.documents_hint')}
      </p>
      {p.kinds.map(({ kind, required }) => (
        <FileField
          ctx={p.ctx}
          state={p.state}
          attached={p.attached}
          field={`documents.${kind}`}
          upload={`upload.${kind}`}
          label={t(`seller.document.${kind}`)}
          required={required}
          maxMb={p.maxMb}
        />
      ))}
    </fieldset>
  );
}

/**
 * Up to OCOP_MAX certificates as repeated groups of fields ("ocop.0.number", ...), so the form
 * needs no JavaScript; the groups after the first stay folded until used.
 */
export function OcopFields(p: { ctx: PageCtx; state: FormState; attached: AttachedFiles; maxMb: number }) {
  const { t, locale } = p.ctx;
  const groups = ocopGroups.map((g) => ({ value: String(g.code), label: `${g.code}. ${g[locale]}` }));
  const stars = ocopStars.map((s) => ({ value: String(s), label: t('seller.ocop.stars_n', { n: s }) }));
  return (
    <fieldset class="group">
      <legend safe>{t('seller.apply.ocop')}</legend>
      <p class="hint" safe>
        {t('seller.apply.ocop_hint')}
      </p>
      {Array.from({ length: OCOP_MAX }, (_, i) => {
        const name = (k: string) => `ocop.${i}.${k}`;
        const used = Object.entries(p.state.values).some(([k, v]) => k.startsWith(`ocop.${i}.`) && v);
        const failed = p.state.errors.some((e) => e.field.startsWith(`ocop.${i}.`));
        const common = { state: p.state, t };
        return (
          <details open={i === 0 || used || failed}>
            <summary safe>{t('seller.ocop.legend', { n: i + 1 })}</summary>
            <Field {...common} name={name('number')} label={t('seller.ocop.number')} maxlength={50} />
            <Field
              {...common}
              name={name('productName')}
              label={t('seller.ocop.productName')}
              maxlength={200}
            />
            <Select {...common} name={name('stars')} label={t('seller.ocop.stars')} options={stars} />
            <Select
              {...common}
              name={name('groupCode')}
              label={t('seller.ocop.groupCode')}
              options={groups}
            />
            <Field {...common} name={name('issuedOn')} label={t('seller.ocop.issuedOn')} type="date" />
            <FileField
              ctx={p.ctx}
              state={p.state}
              attached={p.attached}
              field={name('fileId')}
              upload={`upload.ocop.${i}`}
              label={t('seller.ocop.fileId')}
              maxMb={p.maxMb}
            />
          </details>
        );
      })}
    </fieldset>
  );
}
