import type { ReactNode } from 'react';

/** A message for the whole form, announced as it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;

  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {message}
    </p>
  );
}

/** A quiet confirmation that something worked. */
export function FormStatus({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900"
    >
      {children}
    </p>
  );
}

const buttonStyles = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border border-slate-400 bg-white text-slate-800 hover:bg-slate-100',
  danger: 'border border-red-700 bg-white text-red-800 hover:bg-red-50',
};

/** A submit button (the focus ring comes from app.css); disabled while its form is being sent. */
export function SubmitButton({
  children,
  variant = 'primary',
  busy = false,
  ...rest
}: {
  children: ReactNode;
  variant?: keyof typeof buttonStyles;
  busy?: boolean;
  name?: string;
  value?: string;
  'aria-label'?: string;
}) {
  return (
    <button
      type="submit"
      disabled={busy}
      className={`rounded px-4 py-2 font-semibold disabled:opacity-60 ${buttonStyles[variant]}`}
      {...rest}
    >
      {children}
    </button>
  );
}
