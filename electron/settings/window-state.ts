import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(20_000),
  height: z.number().int().min(480).max(20_000),
  maximized: z.boolean().default(false),
});
type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1400, height: 900, maximized: false };

/** The last window bounds, or the default when the file is missing or damaged. */
export function loadWindowState(file: string): WindowState {
  try {
    return WindowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const parsed = WindowStateSchema.safeParse(state);
  if (!parsed.success) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(parsed.data));
}

/** Bounds that still fit on one of the displays now attached, else the default size centred. */
export function visibleState(state: WindowState, displays: { x: number; y: number; width: number; height: number }[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const onScreen = displays.some((d) => x >= d.x - 50 && y >= d.y - 50 && x < d.x + d.width - 100 && y < d.y + d.height - 100);
  return onScreen ? state : { width: state.width, height: state.height, maximized: state.maximized };
}
