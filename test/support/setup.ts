// Shared test setup. jsdom lacks ResizeObserver, which Fluent UI's MessageBar needs.
if (typeof window !== 'undefined' && !(window as unknown as { ResizeObserver?: unknown }).ResizeObserver) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}

// Every filled column's formula is checked at every row: a layout cannot claim a fill that is not one.
import { fillChecks } from '../../src/workbook/layouts/sheetBuilder';
fillChecks.enabled = true;
