/** The error next to a form. Renders nothing when there is no error. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <p className="form-error" role="alert" data-testid="form-error">
      {message}
    </p>
  )
}
