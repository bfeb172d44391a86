// "Compare [from] → [to]": any two versions, or a version and the live document.
import { useEffect, useState, type FormEvent } from 'react'
import type { VersionRef, VersionSummaryDto } from '../../../shared/api'

interface Props {
  versions: VersionSummaryDto[]
  from: VersionRef | null
  to: VersionRef | null
  onCompare: (from: VersionRef, to: VersionRef) => void
}

const parse = (value: string): VersionRef => (value === 'live' ? 'live' : Number(value))

export function CompareBar({ versions, from, to, onCompare }: Props) {
  const newest = versions[0]?.version
  const second = versions[1]?.version
  const [fromValue, setFromValue] = useState(String(from ?? second ?? newest ?? 'live'))
  const [toValue, setToValue] = useState(String(to ?? (second ? newest : 'live')))

  // Follow the URL when it changes (timeline shortcuts, back/forward).
  useEffect(() => {
    if (from !== null) setFromValue(String(from))
    if (to !== null) setToValue(String(to))
  }, [from, to])

  function submit(e: FormEvent) {
    e.preventDefault()
    onCompare(parse(fromValue), parse(toValue))
  }

  const options = (
    <>
      <option value="live">Live document</option>
      {versions.map((v) => (
        <option key={v.version} value={v.version}>
          v{v.version} · {v.label}
        </option>
      ))}
    </>
  )
  return (
    <form className="compare-bar" onSubmit={submit} aria-label="Compare versions">
      <label className="compare-pick">
        <span className="field-label">Compare</span>
        <select name="from" data-testid="compare-from" value={fromValue} onChange={(e) => setFromValue(e.target.value)}>
          {options}
        </select>
      </label>
      <span className="arrow" aria-hidden="true">→</span>
      <label className="compare-pick">
        <span className="visually-hidden">with</span>
        <select name="to" data-testid="compare-to" value={toValue} onChange={(e) => setToValue(e.target.value)}>
          {options}
        </select>
      </label>
      <button type="submit" className="button small" data-testid="compare-submit" disabled={fromValue === toValue || versions.length === 0}>
        Compare
      </button>
    </form>
  )
}
