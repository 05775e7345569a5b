// Opens a dialog each time a store counter goes up (`reportRequests`, `exportRequests`): how a
// notice's button or another view asks for a dialog that a component owns.
import { useEffect, useRef, type RefObject } from 'react';

export function useShowWhenAsked(
  requests: number,
  dialogRef: RefObject<HTMLDialogElement | null>,
): void {
  const handled = useRef(requests);
  useEffect(
    function showWhenAsked() {
      if (requests === handled.current) return;
      handled.current = requests;
      if (!dialogRef.current?.open) dialogRef.current?.showModal();
    },
    [requests, dialogRef],
  );
}
