// "Following Alex · Stop following" / "Alex is presenting · Follow presenter" / "You are presenting".
import type { FollowMode, Presenter } from './presenting'

interface Props {
  mode: FollowMode
  presenter: Presenter | null
  onFollow: (following: boolean) => void
}

export function PresentingBanner({ mode, presenter, onFollow }: Props) {
  if (mode === 'alone' || !presenter) return null
  const first = presenter.name.split(/\s+/)[0] || presenter.name
  return (
    <div className={`presenting-banner mode-${mode}`} data-testid="presenting-banner" data-mode={mode} role="status">
      <span className="presenting-dot" style={{ backgroundColor: presenter.color }} aria-hidden="true" />
      {mode === 'presenting' && <span>You are presenting</span>}
      {mode === 'following' && <span>Following {first}</span>}
      {mode === 'free' && <span>{first} is presenting</span>}
      {mode !== 'presenting' && (
        <button type="button" className="button small" data-testid="follow-toggle" aria-pressed={mode === 'following'} onClick={() => onFollow(mode !== 'following')}>
          {mode === 'following' ? 'Stop following' : 'Follow presenter'}
        </button>
      )}
    </div>
  )
}
