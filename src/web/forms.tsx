import type { FieldError } from '../platform/http/errors.js';
import type { Translate } from '../platform/http/i18n.js';

/** What a form shows: what the user typed, and what is wrong with it. */
export interface FormState {
  values: Record<string, unknown>;
  errors: FieldError[];
}

export const emptyForm = (values: Record<string, unknown> = {}): FormState => ({ values, errors: [] });

export function fieldError(state: FormState, name: string): FieldError | undefined {
  return state.errors.find((e) => e.field === name);
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** Every error at the top of the form, each a link to its field (GOV.UK error summary). */
export function ErrorSummary({ state, t }: { state: FormState; t: Translate }) {
  if (!state.errors.length) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" safe>
        {t('form.error_summary')}
      </h2>
      <ul>
        {state.errors.map((e) => (
          <li>
            <a href={`#f-${e.field}`} safe>
              {e.field === '_' ? t(e.key, e.params) : `${t(`label.${e.field}`)}: ${t(e.key, e.params)}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  state: FormState;
  t: Translate;
  /** Label text; defaults to the message `label.<name>`. */
  label?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
}

function Described({ id, hint, error, t }: { id: string; hint?: string; error?: FieldError; t: Translate }) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`} safe>
          {t(error.key, error.params)}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function labelText(p: FieldProps): string {
  return `${p.label ?? p.t(`label.${p.name}`)}${p.required ? ' *' : ''}`;
}

function describedBy(id: string, hint?: string, error?: FieldError): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const error = fieldError(p.state, p.name);
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} safe>
        {labelText(p)}
      </label>
      <Described id={id} hint={p.hint} error={error} t={p.t} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' || p.type === 'file' ? undefined : str(p.state.values[p.name])}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode as 'text'}
        maxlength={p.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
      />
    </div>
  );
}

export function TextArea(p: FieldProps & { rows?: number }) {
  const id = `f-${p.name}`;
  const error = fieldError(p.state, p.name);
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} safe>
        {labelText(p)}
      </label>
      <Described id={id} hint={p.hint} error={error} t={p.t} />
      <textarea
        id={id}
        name={p.name}
        rows={String(p.rows ?? 4)}
        maxlength={p.maxlength}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
        safe
      >
        {str(p.state.values[p.name])}
      </textarea>
    </div>
  );
}

export function Select(
  p: FieldProps & {
    options: { value: string; label: string }[];
    placeholder?: string;
    attrs?: Record<string, string>;
  },
) {
  const id = `f-${p.name}`;
  const error = fieldError(p.state, p.name);
  const current = str(p.state.values[p.name]);
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} safe>
        {labelText(p)}
      </label>
      <Described id={id} hint={p.hint} error={error} t={p.t} />
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
        {...(p.attrs ?? {})}
      >
        <option value="" safe>
          {p.placeholder ?? p.t('form.choose')}
        </option>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes or radios with one legend. */
export function Choices(p: FieldProps & { options: { value: string; label: string }[]; multiple?: boolean }) {
  const id = `f-${p.name}`;
  const error = fieldError(p.state, p.name);
  const raw = p.state.values[p.name];
  const chosen = new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String));
  return (
    <fieldset
      class={error ? 'field has-error' : 'field'}
      id={id}
      tabindex="-1"
      aria-describedby={describedBy(id, p.hint, error)}
    >
      <legend safe>{labelText(p)}</legend>
      <Described id={id} hint={p.hint} error={error} t={p.t} />
      {p.options.map((o, i) => (
        <label class="choice" for={`${id}-${i}`}>
          <input
            id={`${id}-${i}`}
            type={p.multiple ? 'checkbox' : 'radio'}
            name={p.name}
            value={o.value}
            checked={chosen.has(o.value)}
          />{' '}
          <span safe>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
