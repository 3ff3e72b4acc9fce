/** The header's jump box with the app's destinations: loaded on first use (see jump-box-launcher.tsx). */
import { JumpBox } from '../components/jump-box';
import type { JumpBoxStart } from '../components/jump-box-launcher';
import { jumpUrls, searchMappingDestinations } from './jump-destinations';

export function AppJumpBox(start: JumpBoxStart) {
  return <JumpBox {...start} searchMappings={searchMappingDestinations} urls={jumpUrls} />;
}
