// Follow a document: hear of every new thread on it in the notification inbox.
import { useEffect, useState } from 'react'
import { api, errorMessage } from '../api'

export function FollowButton({ documentId }: { documentId: string }) {
  const [following, setFollowing] = useState<boolean | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    api.isFollowing(documentId).then((res) => { if (live) setFollowing(res.following) }, () => {})
    return () => { live = false }
  }, [documentId])
  if (following === null) return null

  async function toggle() {
    setError(null)
    try {
      setFollowing((await api.setFollowing(documentId, !following)).following)
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <>
      <button type="button" className="button small subtle" aria-pressed={following} onClick={() => void toggle()} data-testid="follow-button"
        title="Get a notification for every new thread on this document">
        {following ? 'Following' : 'Follow'}
      </button>
      {error && <span className="form-error" role="alert">{error}</span>}
    </>
  )
}
