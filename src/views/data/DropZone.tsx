// Drop a file anywhere on the page to open it. While a file is dragged over the window, a sheet
// says what will happen.
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { openFile } from '../../data/openData';
import { useAppStoreApi } from '../../store';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function DropZone() {
  const store = useAppStoreApi();
  const [over, setOver] = useState(false);
  const { t } = useTranslation();
  useEffect(
    function listenForDrops() {
      let depth = 0;
      const onEnter = (e: DragEvent) => {
        if (!hasFiles(e)) return;
        depth += 1;
        setOver(true);
      };
      const onLeave = (e: DragEvent) => {
        if (!hasFiles(e)) return;
        depth = Math.max(0, depth - 1);
        if (depth === 0) setOver(false);
      };
      const onOver = (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault(); // allows the drop
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      };
      const onDrop = (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth = 0;
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) void openFile(file, store);
      };
      window.addEventListener('dragenter', onEnter);
      window.addEventListener('dragleave', onLeave);
      window.addEventListener('dragover', onOver);
      window.addEventListener('drop', onDrop);
      return function stopListening() {
        window.removeEventListener('dragenter', onEnter);
        window.removeEventListener('dragleave', onLeave);
        window.removeEventListener('dragover', onOver);
        window.removeEventListener('drop', onDrop);
      };
    },
    [store],
  );
  if (!over) return null;
  return (
    <div className="dl-dropzone" aria-hidden="true">
      <p>{t('open.drop')}</p>
    </div>
  );
}
