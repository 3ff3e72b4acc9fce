/**
 * `/mappings/:name`: the mapping's configuration, composed with its recon runs (launch, cancel)
 * and a link to its queued events built by the sync queue's own URL builder.
 */
import { MappingDetailPage } from '../../features/mapping-detail/components/mapping-detail-page';
import { MappingReconPanel } from '../../features/recon/components/mapping-recon-panel';
import { queueUrl } from '../../features/sync-queue/sync-queue-view';

const mappingQueueUrl = (mapping: string) => queueUrl({ mapping });

export function MappingDetailRoute() {
  return <MappingDetailPage reconPanel={(name) => <MappingReconPanel mapping={name} />} queueUrl={mappingQueueUrl} />;
}
