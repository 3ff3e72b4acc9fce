/** The overview's URL state: one switch, `?attention=1`, shows only the mappings that need attention. */
export interface OverviewView {
  attention: boolean;
}

export function readOverviewView(params: URLSearchParams): OverviewView {
  return { attention: params.get('attention') === '1' };
}

export function writeOverviewView(view: OverviewView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.attention) params.set('attention', '1');
  return params;
}
