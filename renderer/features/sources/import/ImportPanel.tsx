import { useApp } from '../../../app/context';
import { useImportJobs, type ImportJob } from './import-queue';

const LABELS: Record<ImportJob['state'], string> = {
  queued: 'Waiting',
  reading: 'Reading',
  saving: 'Saving',
  done: 'Imported',
  duplicate: 'Already in this case',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Progress of every import in this session, each file on its own line with its own outcome. */
export function ImportPanel() {
  const { importQueue, nav } = useApp();
  const jobs = useImportJobs(importQueue);
  if (jobs.length === 0) return null;
  const running = jobs.filter((j) => j.state === 'queued' || j.state === 'reading' || j.state === 'saving').length;
  return (
    <section className="import-panel" aria-label="Imports">
      <header>
        {/* Said by screen readers as it changes: how many are left, then that all are done. */}
        <span role="status" aria-live="polite">{running ? `Importing ${running} file${running === 1 ? '' : 's'}…` : 'Imports finished'}</span>
        {running > 0 ? (
          <button type="button" className="link-button" onClick={() => importQueue.cancelAll()}>Cancel all</button>
        ) : (
          <button type="button" className="link-button" onClick={() => importQueue.clearFinished()}>Clear</button>
        )}
      </header>
      <ul role="list">
        {jobs.map((job) => (
          <li key={job.id} className={`import-job job-${job.state}`} data-job-state={job.state}>
            <div className="import-line">
              <span className="import-name" title={job.name}>{job.name}</span>
              {(job.state === 'done' || job.state === 'duplicate') && job.sourceId ? (
                <button type="button" className="link-button import-open" title={job.state === 'duplicate' ? `Already in this case as “${job.message}”` : 'Open in the reader'} onClick={() => nav.openMain({ kind: 'source', sourceId: job.sourceId! })}>
                  {job.state === 'duplicate' ? 'Already in this case · Open' : 'Imported · Open'}
                </button>
              ) : (
                <span className="import-state">{job.state === 'reading' ? `${Math.round(job.fraction * 100)}%` : LABELS[job.state]}</span>
              )}
              {(job.state === 'queued' || job.state === 'reading') && (
                <button type="button" className="icon-button small" aria-label={`Cancel ${job.name}`} title="Cancel" onClick={() => importQueue.cancel(job.id)}>
                  ×
                </button>
              )}
            </div>
            {job.state === 'reading' && (
              <div className="progress" role="progressbar" aria-label={`Reading ${job.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.fraction * 100)}>
                <div style={{ width: `${Math.max(4, job.fraction * 100)}%` }} />
              </div>
            )}
            {job.state === 'failed' && <p className="import-error" role="alert">{job.message}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
