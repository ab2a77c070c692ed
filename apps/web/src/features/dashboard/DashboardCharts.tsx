import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts these charts need; the file is loaded lazily so the console's first load stays small.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One chart in a box: made once, its option replaced when the figures change, resized with the window. */
function EChart({ option, height, onClick }: { option: echarts.EChartsCoreOption; height: number; onClick?: (p: any) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current);
    chart.current = c;
    c.on('click', (p) => click.current?.(p));
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }} />;
}

export interface MonthPoint {
  month: string;
  activities: number;
  attendance: number;
}

export interface Slice {
  key: string;
  name: string;
  value: number;
}

interface Theme {
  dark?: boolean;
  height?: number;
}

const text = (dark?: boolean) => (dark ? '#e6f1ff' : '#333');

/** Activities (bars) and people reached (line) month by month; a click on a month reports it. */
export function MonthsChart({
  points,
  labels,
  onMonth,
  dark,
  height = 300,
}: { points: MonthPoint[]; labels: { activities: string; attendance: string }; onMonth?: (month: string) => void } & Theme) {
  return (
    <EChart
      height={height}
      onClick={onMonth ? (p: { name: string }) => onMonth(p.name) : undefined}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { color: text(dark) } },
        grid: { left: 48, right: 48, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: points.map((p) => p.month), axisLabel: { color: text(dark) } },
        yAxis: [
          {
            type: 'value',
            minInterval: 1,
            axisLabel: { color: text(dark) },
            splitLine: { lineStyle: { color: dark ? '#1f3b5b' : '#eee' } },
          },
          { type: 'value', minInterval: 1, axisLabel: { color: text(dark) }, splitLine: { show: false } },
        ],
        series: [
          {
            name: labels.activities,
            type: 'bar',
            data: points.map((p) => p.activities),
            color: dark ? '#35c4a0' : '#0b6e4f',
            barMaxWidth: 36,
          },
          {
            name: labels.attendance,
            type: 'line',
            yAxisIndex: 1,
            // Straight segments: a smoothed line overshoots between months and suggests figures that never were.
            smooth: false,
            data: points.map((p) => p.attendance),
            color: dark ? '#ffc53d' : '#c0392b',
          },
        ],
      }}
    />
  );
}

/** Shares of a whole (activities by kind); a click on a slice reports its key. */
export function ShareChart({ slices, onSlice, dark, height = 300 }: { slices: Slice[]; onSlice?: (key: string) => void } & Theme) {
  return (
    <EChart
      height={height}
      onClick={onSlice ? (p: { data: { key: string } }) => onSlice(p.data.key) : undefined}
      option={{
        tooltip: { trigger: 'item' },
        legend: { type: 'scroll', bottom: 0, textStyle: { color: text(dark) } },
        series: [
          {
            type: 'pie',
            radius: ['38%', '68%'],
            center: ['50%', '45%'],
            label: { color: text(dark) },
            data: slices.map((s) => ({ key: s.key, name: s.name, value: s.value })),
          },
        ],
      }}
    />
  );
}

/** Units side by side (the children of the unit shown), horizontal bars. */
export function UnitsChart({ slices, onSlice, dark, height = 300 }: { slices: Slice[]; onSlice?: (key: string) => void } & Theme) {
  const top = slices.slice(0, 15).reverse();
  return (
    <EChart
      height={height}
      onClick={onSlice ? (p: { dataIndex: number }) => onSlice(top[p.dataIndex]!.key) : undefined}
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: {
          type: 'value',
          minInterval: 1,
          axisLabel: { color: text(dark) },
          splitLine: { lineStyle: { color: dark ? '#1f3b5b' : '#eee' } },
        },
        yAxis: { type: 'category', data: top.map((s) => s.name), axisLabel: { color: text(dark), width: 140, overflow: 'truncate' } },
        series: [{ type: 'bar', data: top.map((s) => s.value), color: dark ? '#4da3ff' : '#1677ff', barMaxWidth: 22 }],
      }}
    />
  );
}
