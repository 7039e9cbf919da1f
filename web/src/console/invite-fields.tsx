import { useState } from 'preact/hooks';
import { NOTE_MAX, UpdateInviteBody } from '../api-types';
import { ApiError, messageOf } from '../shared/api';
import { Field } from '../shared/field';

/** Expiry choices of the create form: the API's durations, a date, or never. */
export const EXPIRY_PRESETS: ReadonlyArray<{ value: string; label: string }> = [
  { value: '30min', label: '30 minutes' },
  { value: '1h', label: '1 hour' },
  { value: '6h', label: '6 hours' },
  { value: '12h', label: '12 hours' },
  { value: '1d', label: '1 day' },
  { value: '3d', label: '3 days' },
  { value: '5d', label: '5 days' },
  { value: '7d', label: '7 days' },
  { value: 'date', label: 'On a date…' },
  { value: 'never', label: 'Never' },
];

/** Which field an API error sentence is about, so it shows next to that field. */
export type InviteField = 'expiresAt' | 'count' | 'maxUses' | 'note' | 'form';

function fieldOfError(error: string): InviteField {
  switch (error) {
    case 'invalid date':
      return 'expiresAt';
    case 'invalid count':
      return 'count';
    case 'invalid maxUses':
      return 'maxUses';
    case 'invalid note':
      return 'note';
    default:
      return 'form';
  }
}

export interface ExpiryValue {
  preset: string;
  date: string;
}

/** The `expiresAt` to send for a preset (a duration, "never" or an ISO date). */
export function expiresAtOf({ preset, date }: ExpiryValue): string | null {
  if (preset === 'never') return 'never';
  if (preset === 'date') return date ? new Date(date).toISOString() : '';
  return preset;
}

export function ExpiryField(props: {
  idPrefix: string;
  value: ExpiryValue;
  onChange: (value: ExpiryValue) => void;
  error: string | null;
  presets?: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { idPrefix, value, onChange, error } = props;
  return (
    <>
      <Field id={`${idPrefix}-expiry`} label="Expires" error={error}>
        {(attrs) => (
          <select
            {...attrs}
            value={value.preset}
            onChange={(event) =>
              onChange({ ...value, preset: event.currentTarget.value })
            }
          >
            {(props.presets ?? EXPIRY_PRESETS).map((preset) => (
              <option key={preset.value} value={preset.value}>
                {preset.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.preset === 'date' && (
        <Field id={`${idPrefix}-date`} label="Expiry date and time">
          {(attrs) => (
            <input
              {...attrs}
              type="datetime-local"
              required
              value={value.date}
              onInput={(event) =>
                onChange({ ...value, date: event.currentTarget.value })
              }
            />
          )}
        </Field>
      )}
    </>
  );
}

export interface MaxUsesValue {
  unlimited: boolean;
  value: string;
}

export function maxUsesOf(value: MaxUsesValue): number | null {
  return value.unlimited ? null : Number(value.value);
}

export function MaxUsesField(props: {
  idPrefix: string;
  value: MaxUsesValue;
  onChange: (value: MaxUsesValue) => void;
  error: string | null;
}) {
  const { idPrefix, value, onChange, error } = props;
  return (
    <div class="field-group">
      <Field id={`${idPrefix}-max-uses`} label="Max uses" error={error}>
        {(attrs) => (
          <input
            {...attrs}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            disabled={value.unlimited}
            value={value.value}
            onInput={(event) =>
              onChange({ ...value, value: event.currentTarget.value })
            }
          />
        )}
      </Field>
      <div class="check">
        <input
          id={`${idPrefix}-unlimited`}
          type="checkbox"
          checked={value.unlimited}
          onChange={(event) =>
            onChange({ ...value, unlimited: event.currentTarget.checked })
          }
        />
        <label for={`${idPrefix}-unlimited`}>Unlimited uses</label>
      </div>
    </div>
  );
}

function NoteField(props: {
  idPrefix: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}) {
  return (
    <div class="wide">
      <Field
        id={`${props.idPrefix}-note`}
        label="Note (optional)"
        hint={`Up to ${NOTE_MAX} characters, e.g. who it is for.`}
        error={props.error}
      >
        {(attrs) => (
          <textarea
            {...attrs}
            rows={2}
            maxLength={NOTE_MAX}
            value={props.value}
            onInput={(event) => props.onChange(event.currentTarget.value)}
          />
        )}
      </Field>
    </div>
  );
}

/** What the create form and the edit dialog both set. */
export interface InviteSettings {
  expiry: ExpiryValue;
  maxUses: MaxUsesValue;
  note: string;
}

/** The body keys for the settings; an expiry of "keep" sends no `expiresAt`. */
export function settingsBody(settings: InviteSettings): UpdateInviteBody {
  return {
    ...(settings.expiry.preset === 'keep'
      ? {}
      : { expiresAt: expiresAtOf(settings.expiry) }),
    maxUses: maxUsesOf(settings.maxUses),
    note: settings.note.trim() === '' ? null : settings.note,
  };
}

/**
 * The last API error of a form, kept with the field it is about, so each
 * sentence shows next to the control that caused it.
 */
export function useInviteFormError() {
  const [error, setError] = useState<{ field: InviteField; text: string }>();
  return {
    errorFor: (field: InviteField) =>
      error?.field === field ? error.text : null,
    clear: () => setError(undefined),
    fail: (caught: unknown) => {
      const text = messageOf(caught);
      setError({
        field: caught instanceof ApiError ? fieldOfError(text) : 'form',
        text,
      });
    },
  };
}

/** Expiry, max uses and note, laid out by the form around them. */
export function InviteSettingsFields(props: {
  idPrefix: string;
  value: InviteSettings;
  onChange: (value: InviteSettings) => void;
  errorFor: (field: InviteField) => string | null;
  presets?: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { idPrefix, value, onChange, errorFor } = props;
  return (
    <>
      <ExpiryField
        idPrefix={idPrefix}
        value={value.expiry}
        onChange={(expiry) => onChange({ ...value, expiry })}
        error={errorFor('expiresAt')}
        presets={props.presets}
      />
      <MaxUsesField
        idPrefix={idPrefix}
        value={value.maxUses}
        onChange={(maxUses) => onChange({ ...value, maxUses })}
        error={errorFor('maxUses')}
      />
      <NoteField
        idPrefix={idPrefix}
        value={value.note}
        onChange={(note) => onChange({ ...value, note })}
        error={errorFor('note')}
      />
    </>
  );
}
