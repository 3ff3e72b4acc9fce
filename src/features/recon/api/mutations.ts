/**
 * Launch and cancel. Both refresh the runs from the server afterwards; a launched run is put in
 * the list at once (with what the server answered) so it shows before the next poll.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { watchList } from '../watch';
import { rememberLaunch } from './launched-reports';
import { reconQueries, type ReadRunList } from './queries';
import { cancelRecon, launchRecon, type LaunchReconParams } from './requests';

export function useLaunchRecon() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (params: LaunchReconParams) => launchRecon(params),
    onSuccess: async (result, params) => {
      // reconById keeps no report; a full run keeps what was asked for.
      rememberLaunch(client, result._id, params.sourceId ? 'none' : (params.report ?? 'none'));
      client.setQueryData<ReadRunList>(reconQueries.lists(), (old) =>
        old
          ? {
              ...watchList(
                old,
                [
                  ...old.runs,
                  { _id: result._id, mapping: params.mapping, state: result.state, stage: 'ACTIVE_INITIALIZED', started: new Date().toISOString(), ended: '' },
                ],
                Date.now(),
              ),
              // The runs the server sent that could not be read are still there until the next answer.
              unreadable: old.unreadable,
            }
          : old,
      );
      await client.invalidateQueries({ queryKey: reconQueries.lists() });
    },
  });
}

export function useCancelRecon() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => cancelRecon(id),
    onSettled: async (_result, _error, id) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: reconQueries.detail(id).queryKey }),
        client.invalidateQueries({ queryKey: reconQueries.lists() }),
      ]);
    },
  });
}
