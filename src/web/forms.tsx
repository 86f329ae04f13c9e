import type { Children } from '@kitajs/html';
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

/** What a form that went through says on the page it led to (after the 303), when there is something to say. */
export function Confirmation({ text }: { text?: string | false }) {
  return text ? (
    <p class="notice ok" role="status" safe>
      {text}
    </p>
  ) : (
    ''
  );
}

/** A form's button, on its own row. */
export function Submit({ label, danger }: { label: string; danger?: boolean }) {
  return (
    <p class="actions">
      <button type="submit" class={danger ? 'danger' : undefined} safe>
        {label}
      </button>
    </p>
  );
}

interface FieldProps {
  name: string;
  state: FormState;
  t: Translate;
  /**
   * What the field's id, label and errors are keyed by, when it differs from the posted name
   * (several forms on one page posting the same name); defaults to `name`.
   */
  field?: string;
  /** Label text; defaults to the message `label.<field>`. */
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

function describedBy(id: string, hint?: string, error?: FieldError): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What every kind of field works out the same way: its id, label, error, and the control's aria attributes. */
function fieldParts(p: FieldProps) {
  const key = p.field ?? p.name;
  const id = `f-${key}`;
  const error = fieldError(p.state, key);
  return {
    id,
    error,
    label: `${p.label ?? p.t(`label.${key}`)}${p.required ? ' *' : ''}`,
    aria: {
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': describedBy(id, p.hint, error),
    },
  };
}

/** A control with its label, hint and error above it (GOV.UK order). */
function Frame({
  p,
  parts,
  children,
}: {
  p: FieldProps;
  parts: ReturnType<typeof fieldParts>;
  children: Children;
}) {
  return (
    <div class={parts.error ? 'field has-error' : 'field'}>
      <label for={parts.id} safe>
        {parts.label}
      </label>
      <Described id={parts.id} hint={p.hint} error={parts.error} t={p.t} />
      {children}
    </div>
  );
}

export function Field(p: FieldProps) {
  const parts = fieldParts(p);
  return (
    <Frame p={p} parts={parts}>
      <input
        id={parts.id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' || p.type === 'file' ? undefined : str(p.state.values[p.name])}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode as 'text'}
        maxlength={p.maxlength}
        {...parts.aria}
      />
    </Frame>
  );
}

export function TextArea(p: FieldProps & { rows?: number }) {
  const parts = fieldParts(p);
  return (
    <Frame p={p} parts={parts}>
      <textarea
        id={parts.id}
        name={p.name}
        rows={String(p.rows ?? 4)}
        maxlength={p.maxlength}
        required={p.required}
        {...parts.aria}
        safe
      >
        {str(p.state.values[p.name])}
      </textarea>
    </Frame>
  );
}

export function Select(
  p: FieldProps & {
    options: { value: string; label: string }[];
    placeholder?: string;
    attrs?: Record<string, string>;
  },
) {
  const parts = fieldParts(p);
  const current = str(p.state.values[p.name]);
  return (
    <Frame p={p} parts={parts}>
      <select id={parts.id} name={p.name} required={p.required} {...parts.aria} {...(p.attrs ?? {})}>
        <option value="" safe>
          {p.placeholder ?? p.t('form.choose')}
        </option>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current} safe>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A group of checkboxes or radios with one legend. */
export function Choices(p: FieldProps & { options: { value: string; label: string }[]; multiple?: boolean }) {
  const { id, error, label, aria } = fieldParts(p);
  const raw = p.state.values[p.name];
  const chosen = new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String));
  return (
    <fieldset
      class={error ? 'field has-error' : 'field'}
      id={id}
      tabindex="-1"
      aria-describedby={aria['aria-describedby']}
    >
      <legend safe>{label}</legend>
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

/** A form that is only a button posting to `action` (revoke, remove, cancel), inline in the text. */
export function ButtonForm(p: { action: string; csrf: string; label: string; class?: string }) {
  return (
    <form method="post" action={p.action} class="inline">
      <Csrf token={p.csrf} />
      <button type="submit" class={p.class} safe>
        {p.label}
      </button>
    </form>
  );
}
