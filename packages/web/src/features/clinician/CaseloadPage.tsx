import { InviteMember } from '../practice/InviteMember';
import { CASELOAD_FLAGS, type CaseloadResponse } from '@hipwise/core';
import { useCallback, useState } from 'react';
import { Link } from 'wouter';
import { clinicianApi, type CaseloadParams } from '../../api';
import { LoadStatus } from '../../components/LoadStatus';
import { formatShortDate } from '../../lib/dates';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { changeShort, FLAG_WORDS, levelWords } from './words';

const PAGE_SIZE = 25;

const SORTS: readonly { value: string; label: string }[] = [
  { value: 'attention', label: 'Needs attention first' },
  { value: 'last_activity', label: 'Last activity' },
  { value: 'email', label: 'Email' },
  { value: 'sessions', label: 'Sessions this week' },
  { value: 'pain_change', label: 'Pain change' },
];

const dayOf = (iso: string | null) => (iso === null ? 'never' : formatShortDate(iso.slice(0, 10)));

function CaseloadTable({ data }: { readonly data: CaseloadResponse }) {
  return (
    <div className="table-scroll">
      <table className="compact-table caseload-table">
        <caption>
          {data.total} of {data.consenting} {data.consenting === 1 ? 'member' : 'members'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Needs attention</th>
            <th scope="col">Last activity</th>
            <th scope="col">Sessions this week (last week)</th>
            <th scope="col">Check-ins this week</th>
            <th scope="col">Level</th>
            <th scope="col">Pain since start</th>
            <th scope="col">PEG</th>
            <th scope="col">RMDQ</th>
            <th scope="col">STarT Back</th>
          </tr>
        </thead>
        <tbody>
          {data.members.map((m) => (
            <tr key={m.memberId} data-testid="caseload-row">
              <th scope="row">
                <Link href={`/members/${m.memberId}`}>{m.email}</Link>
              </th>
              <td>
                {m.flags.length === 0
                  ? '–'
                  : m.flags.map((f) => (
                      <span key={f} className="badge badge-bad">
                        {FLAG_WORDS[f]}
                      </span>
                    ))}
              </td>
              <td>{dayOf(m.lastActivity)}</td>
              <td>
                {m.sessionsThisWeek} ({m.sessionsLastWeek})
              </td>
              <td>{m.checkinsThisWeek}</td>
              <td>{levelWords(m.level)}</td>
              <td>{changeShort(m.pain)}</td>
              <td>{m.peg ? `${m.peg.latest}; ${changeShort(m.peg.change)}` : '–'}</td>
              <td>{m.rmdq ? `${m.rmdq.latest}; ${changeShort(m.rmdq.change)}` : '–'}</td>
              <td>{m.startBack ? `${m.startBack.risk} risk` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /clinician: everyone who shares their progress with me, those who need attention first. */
export function CaseloadPage() {
  usePageTitle('Caseload');
  const [params, setParams] = useState<CaseloadParams>({ sort: 'attention', page: 1, pageSize: PAGE_SIZE });
  const [search, setSearch] = useState('');
  const load = useCallback((signal: AbortSignal) => clinicianApi.caseload(params, signal), [params]);
  const { state, reload } = useLoad(load);
  const set = (p: Partial<CaseloadParams>) => setParams((old) => ({ ...old, page: 1, ...p }));
  const data = state.status === 'ready' ? state.data : null;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <h1>Caseload</h1>
      <p className="lead">
        The members who share their progress with you. Everything here is what they see themselves; each time
        you open it, they can see that you did.
      </p>
      {data?.consenting === 0 ? (
        <section className="card empty-state">
          <h2>No one follows you yet — invite a member</h2>
          <p>
            <a href="#invite-member">Invite a member</a>: once they accept and consent, they appear here.
          </p>
        </section>
      ) : (
        <section className="card" aria-labelledby="caseload-title">
          <h2 id="caseload-title" className="sr-only">
            Members
          </h2>
          <form
            className="filter-row"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              set({ q: search.trim() || undefined });
            }}
          >
            <label>
              Email contains{' '}
              <input
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                maxLength={200}
              />
            </label>
            <button type="submit" className="button">
              Search
            </button>
            <label>
              Show{' '}
              <select value={params.flag ?? ''} onChange={(e) => set({ flag: e.target.value || undefined })}>
                <option value="">Everyone</option>
                <option value="any">Anyone who needs attention</option>
                {CASELOAD_FLAGS.map((f) => (
                  <option key={f} value={f}>
                    {FLAG_WORDS[f]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Sort by{' '}
              <select value={params.sort} onChange={(e) => set({ sort: e.target.value, order: undefined })}>
                {SORTS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Order{' '}
              <select
                value={params.order ?? ''}
                onChange={(e) => set({ order: (e.target.value || undefined) as CaseloadParams['order'] })}
              >
                <option value="">Usual</option>
                <option value="asc">Ascending</option>
                <option value="desc">Descending</option>
              </select>
            </label>
          </form>
          <LoadStatus state={state} retry={reload} what="your caseload" />
          {data && data.total === 0 && <p className="empty">No member matches these filters.</p>}
          {data && data.total > 0 && <CaseloadTable data={data} />}
          {data && pages > 1 && (
            <nav className="button-row" aria-label="Pages">
              <button
                type="button"
                className="button"
                disabled={params.page <= 1}
                onClick={() => setParams((p) => ({ ...p, page: p.page - 1 }))}
              >
                Previous page
              </button>
              <span>
                Page {params.page} of {pages}
              </span>
              <button
                type="button"
                className="button"
                disabled={params.page >= pages}
                onClick={() => setParams((p) => ({ ...p, page: p.page + 1 }))}
              >
                Next page
              </button>
            </nav>
          )}
        </section>
      )}
      <InviteMember />
    </>
  );
}
