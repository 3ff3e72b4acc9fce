/** `/mappings/:name`: the mapping's configuration, composed with its recon runs (launch, cancel). */
import { MappingDetailPage } from '../../features/mapping-detail/components/mapping-detail-page';
import { MappingReconPanel } from '../../features/recon/components/mapping-recon-panel';

export function MappingDetailRoute() {
  return <MappingDetailPage reconPanel={(name) => <MappingReconPanel mapping={name} />} />;
}
