/**
 * Where files come in: a drop target for files or a package folder dragged from the desktop, and the
 * same choice by keyboard or mouse through the buttons (the native open dialog in the app).
 */
import { useState, type DragEvent } from 'react';

export interface FileDropZoneProps {
  readonly onDrop: (files: File[]) => void;
  readonly onChoose: (mode: 'files' | 'folder') => void;
  readonly disabled?: boolean;
  /** A one-line version, for adding files to a selection. */
  readonly compact?: boolean;
}

const hasFiles = (event: DragEvent): boolean => [...event.dataTransfer.types].includes('Files');

export function FileDropZone({ onDrop, onChoose, disabled = false, compact = false }: FileDropZoneProps) {
  const [over, setOver] = useState(false);
  const accept = (event: DragEvent<HTMLDivElement>): void => {
    if (disabled || !hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  return (
    <div
      className={`drop-zone${compact ? ' drop-zone-compact' : ''}${over ? ' drop-zone-over' : ''}`}
      data-testid="drop-zone"
      onDragEnter={accept}
      onDragOver={accept}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        if (disabled || !hasFiles(event)) return;
        event.preventDefault();
        setOver(false);
        onDrop([...event.dataTransfer.files]);
      }}
    >
      {!compact && (
        <>
          <p className="drop-zone-title">Drop files here</p>
          <p className="drop-zone-hint">
            A study package (its CSV files, its folder or one .xlsx workbook) or a hospital charge export (.csv or .xlsx, any layout).
          </p>
        </>
      )}
      <div className="toolbar drop-zone-actions">
        <button type="button" className={`button${compact ? '' : ' button-primary'}`} onClick={() => onChoose('files')} disabled={disabled}>
          {compact ? 'Add files…' : 'Choose files…'}
        </button>
        <button type="button" className="button" onClick={() => onChoose('folder')} disabled={disabled}>
          {compact ? 'Add a folder…' : 'Choose a package folder…'}
        </button>
        {compact && <span className="muted">or drop more files here</span>}
      </div>
    </div>
  );
}
