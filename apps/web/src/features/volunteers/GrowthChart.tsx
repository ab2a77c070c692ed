import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts a line chart needs: this file is loaded lazily, and stays small.
echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface GrowthPoint {
  month: string;
  members: number;
}

/** Volunteers month by month. The canvas is hidden from screen readers; the table beside it carries the figures. */
export default function GrowthChart({ points, label, seriesName }: { points: GrowthPoint[]; label: string; seriesName: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: points.map((p) => p.month), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: seriesName,
          type: 'line',
          smooth: true,
          areaStyle: { opacity: 0.15 },
          color: '#0b6e4f',
          data: points.map((p) => p.members),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, seriesName]);
  return (
    <figure style={{ margin: 0 }} data-testid="growth-chart">
      <div aria-hidden="true" ref={box} style={{ height: 280 }} />
      <figcaption className="sr-only">
        <table>
          <caption>{label}</caption>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row">{p.month}</th>
                <td>{p.members}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
