'use client';
// Printing needs JavaScript to open the dialog; without it the page says how to print from the browser menu.
import { useSyncExternalStore } from 'react';

const noop = () => () => {};

export function PrintButton() {
  const hydrated = useSyncExternalStore(noop, () => true, () => false);
  if (!hydrated) {
    return <p className="text-muted">要打印或保存为 PDF，请用浏览器菜单里的“打印”。</p>;
  }
  return (
    <button type="button" className="btn btn-secondary w-full sm:w-auto" onClick={() => window.print()}>
      打印或保存为 PDF
    </button>
  );
}
