// The badge on a vendor whose notice deadline is near (within 90 days) or recently passed.
import { daysToNotice, noticeDeadline, renewalFlag } from '../../../../shared/documents/vendor-renewals'
import type { Vendor } from '../../../../shared/documents/vendors'
import { dateLabel } from '../common/format'
import { renewalFlagLabel, renewalFlagTone } from './renewal-label'

export function RenewalFlag({ vendor, today }: { vendor: Pick<Vendor, 'renewalDate' | 'noticeDays'>; today: string }) {
  if (!renewalFlag(vendor, today)) return null
  const days = daysToNotice(vendor, today) as number
  return (
    <span className={`renewal-flag ${renewalFlagTone(days)}`} data-testid="renewal-flag" data-days={days}
      title={`Last day to give notice: ${dateLabel(noticeDeadline(vendor))}`}>
      {renewalFlagLabel(days)}
    </span>
  )
}
