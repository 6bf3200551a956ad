import Link from 'next/link';
import type { ApplicationStatus } from '@/db/schema';
import { StatusTag } from './status-tag';

/** One application in a list (residents' "我的申请", the staff queue): reference, status, details. */
export function ApplicationCard({ ref_, status, children }: { ref_: string; status: ApplicationStatus; children: React.ReactNode }) {
  return (
    <Link href={`/applications/${ref_}`} className="card block no-underline hover:ring-2 hover:ring-brand">
      <span className="flex flex-wrap items-center gap-2">
        <span className="font-bold text-brand underline underline-offset-4 mr-auto">{ref_}</span>
        <StatusTag status={status} />
      </span>
      {children}
    </Link>
  );
}
