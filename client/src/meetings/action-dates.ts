// Due dates of action items are calendar dates (YYYY-MM-DD); "today" is the reader's own date.
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export const isOverdue = (action: { dueDate: string; status: string }, today: string) => action.status === 'open' && action.dueDate < today
