import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { QUALIFYING_SCORE } from '../format.js';
import type { ChartMark, ChartSpan } from '../historyMarks.js';

export interface ChartData {
  from: string;
  to: string;
  days: { day: string; score: number }[];
  windows: ChartSpan[];
  marks: ChartMark[];
}

const seconds = (day: string) => Date.parse(day) / 1000;
const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/** Shaded spans and marked days, drawn in uPlot's canvas with a word beside each: never colour alone. */
function decorations(data: ChartData, plotted: (points: number) => void): uPlot.Hooks.Arrays {
  const x = (u: uPlot, day: string) => u.valToPos(seconds(day), 'x', true);
  return {
    drawClear: [
      (u) => {
        const { ctx, bbox } = u;
        ctx.save();
        ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
        for (const span of data.windows) {
          const left = Math.max(x(u, span.from), bbox.left);
          const right = Math.min(x(u, span.to), bbox.left + bbox.width);
          if (right <= left) continue;
          ctx.fillStyle = css('--window');
          ctx.fillRect(left, bbox.top, right - left, bbox.height);
          ctx.fillStyle = css('--muted');
          ctx.fillText(span.label, left + 4, bbox.top + bbox.height - 6);
        }
        ctx.restore();
      },
    ],
    draw: [
      (u) => {
        const { ctx, bbox } = u;
        ctx.save();
        ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
        const y70 = u.valToPos(QUALIFYING_SCORE, 'y', true);
        ctx.strokeStyle = css('--line70');
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(bbox.left, y70);
        ctx.lineTo(bbox.left + bbox.width, y70);
        ctx.stroke();
        ctx.fillStyle = css('--line70');
        ctx.fillText(String(QUALIFYING_SCORE), bbox.left + 4, y70 - 4);
        ctx.setLineDash([2, 3]);
        data.marks.forEach((mark, i) => {
          const at = x(u, mark.day);
          if (at < bbox.left || at > bbox.left + bbox.width) return;
          ctx.strokeStyle = css('--text');
          ctx.beginPath();
          ctx.moveTo(at, bbox.top);
          ctx.lineTo(at, bbox.top + bbox.height);
          ctx.stroke();
          ctx.fillStyle = css('--text');
          const width = ctx.measureText(mark.label).width;
          ctx.fillText(mark.label, Math.min(at + 3, bbox.left + bbox.width - width), bbox.top + 12 * devicePixelRatio * (1 + (i % 2)));
        });
        ctx.restore();
        // What the chart plotted, for anyone (a test, a screen reader's table) to check against the API.
        const [xs, ys] = u.data as [number[], (number | null)[]];
        const min = u.scales.x?.min ?? -Infinity;
        const max = u.scales.x?.max ?? Infinity;
        plotted(xs.filter((v, i) => v >= min && v <= max && ys[i] != null).length);
      },
    ],
  };
}

/** `<score-chart>`: one area's daily score over the history's days, with the 70 line. */
export class ScoreChart extends HTMLElement {
  #plot?: uPlot;
  #data?: ChartData;
  #resize = new ResizeObserver(() => this.#plot?.setSize({ width: this.#width(), height: 170 }));

  set chart(data: ChartData) {
    if (data === this.#data) return;
    this.#data = data;
    if (this.isConnected) this.#draw();
  }

  connectedCallback() {
    this.#resize.observe(this);
    if (this.#data && !this.#plot) this.#draw();
  }

  disconnectedCallback() {
    this.#resize.disconnect();
    this.#plot?.destroy();
    this.#plot = undefined;
  }

  #width() {
    return Math.max(this.clientWidth, 200);
  }

  #draw() {
    const data = this.#data!;
    this.#plot?.destroy();
    const options: uPlot.Options = {
      width: this.#width(),
      height: 170,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true, range: [seconds(data.from), seconds(data.to) + 86_400] }, y: { range: [0, 100] } },
      axes: [
        { stroke: css('--muted'), grid: { stroke: css('--grid') } },
        { stroke: css('--muted'), grid: { stroke: css('--grid') }, size: 36, splits: () => [0, 25, 50, 75, 100] },
      ],
      series: [{}, { label: 'score', stroke: css('--accent'), width: 2, points: { show: true, size: 5, fill: css('--accent') } }],
      hooks: decorations(data, (points) => (this.dataset.points = String(points))),
    };
    this.#plot = new uPlot(options, [data.days.map((d) => seconds(d.day)), data.days.map((d) => d.score)], this);
  }
}
customElements.define('score-chart', ScoreChart);
