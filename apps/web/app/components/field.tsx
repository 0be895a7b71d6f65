import { useId, type InputHTMLAttributes } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  errors?: string[] | undefined;
  hint?: string;
}

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function Field({ label, name, errors, hint, ...input }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        className={`block w-full rounded border px-3 py-2 text-base ${invalid ? 'border-red-700' : 'border-slate-400'}`}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={errorId} role="alert" className="text-sm text-red-800">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
