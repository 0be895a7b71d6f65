/** A text field of a submitted form; files and missing fields read as an empty string. */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);

  return typeof value === 'string' ? value.trim() : '';
}
