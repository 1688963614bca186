// @vitest-environment jsdom
/** A section's tabs: one tab stop, arrow keys and Home/End select and focus, wrapping at the ends. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TabBar } from '../../renderer/src/components/tab-bar.tsx';

afterEach(cleanup);

const TABS = [
  { id: 'a', label: 'Alpha' },
  { id: 'b', label: 'Beta' },
  { id: 'c', label: 'Gamma' },
] as const;

function Section() {
  const [tab, setTab] = useState<'a' | 'b' | 'c'>('a');
  return (
    <>
      <TabBar idPrefix="t" label="Things" tabs={TABS} selected={tab} panelId="t-panel" onSelect={setTab} />
      <div id="t-panel" role="tabpanel" aria-labelledby={`t-tab-${tab}`}>
        panel {tab}
      </div>
    </>
  );
}

const selected = (): string => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent ?? '';

describe('TabBar', () => {
  it('has one tab stop, on the selected tab, and names the panel it controls', () => {
    render(<Section />);
    expect(screen.getByRole('tablist', { name: 'Things' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(screen.getByRole('tab', { name: 'Beta' }).getAttribute('aria-controls')).toBe('t-panel');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('t-tab-a');
  });

  it('arrow keys, Home and End select and focus, wrapping at the ends; a click selects', () => {
    render(<Section />);
    const list = screen.getByRole('tablist');
    fireEvent.keyDown(list, { key: 'ArrowLeft' });
    expect(selected()).toBe('Gamma');
    expect(document.activeElement?.textContent).toBe('Gamma');
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(selected()).toBe('Alpha');
    fireEvent.keyDown(list, { key: 'End' });
    expect(selected()).toBe('Gamma');
    fireEvent.keyDown(list, { key: 'Home' });
    expect(selected()).toBe('Alpha');
    expect(document.activeElement?.textContent).toBe('Alpha');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(selected()).toBe('Alpha');
    fireEvent.click(screen.getByRole('tab', { name: 'Beta' }));
    expect(selected()).toBe('Beta');
    expect(screen.getByRole('tabpanel').textContent).toBe('panel b');
  });
});
