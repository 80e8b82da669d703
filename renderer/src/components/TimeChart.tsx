import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries { label: string; values: number[]; color: string }

const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#5f6b7a';

/**
 * Counts over time as uPlot lines, as wide as its container (it follows resizes). The canvas is
 * described by `summary` for screen readers; the numbers themselves are in the page's tiles.
 */
export function TimeChart({ title, summary, times, series, height = 240 }: { title: string; summary: string; times: number[]; series: ChartSeries[]; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--border'), width: 1 }, ticks: { stroke: cssVar('--border'), width: 1 } };
    const plot = new uPlot({
      width: Math.max(element.clientWidth, 200), height,
      scales: { x: { time: true } },
      axes: [axis, { ...axis, size: 48 }],
      series: [{ label: 'Time' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: times.length <= 40 } }))],
    }, [times.map((t) => t / 1000), ...series.map((s) => s.values)], element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 200), height }));
    resize.observe(element);
    return () => { resize.disconnect(); plot.destroy(); };
  }, [times, series, height]);
  return (
    <figure className="panel chart" aria-label={title}>
      <div className="panel-header"><h2>{title}</h2></div>
      <div ref={box} role="img" aria-label={summary} />
    </figure>
  );
}
