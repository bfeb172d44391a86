// A person's initials on their presence colour (presence lists, meeting room).
function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase()
}

export function Avatar({ name, color }: { name: string; color: string }) {
  return (
    <span className="avatar" style={{ backgroundColor: color }} aria-hidden="true">
      {initials(name)}
    </span>
  )
}
