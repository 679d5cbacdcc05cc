import { describe, expect, test } from 'vitest';
import { Column, Dashboard, Duration, Row, Spacer, TextWidget } from '../../../src/model/dashboard/index.js';
import { validateDashboardBody } from '../../../src/model/body/validate.js';

const text = (markdown: string, width: number, height: number, pin: { x?: number; y?: number } = {}) =>
  new TextWidget({ markdown, width, height, ...pin });
const positions = (dashboard: Dashboard) => dashboard.toBody().widgets.map((widget) => [widget.x, widget.y, widget.width, widget.height]);

describe('Row', () => {
  test('widgets given together sit side by side (widths 10, 1, 4 → x 0, 10, 11)', () => {
    const dashboard = new Dashboard({ dashboardName: 'd', widgets: [[text('a', 10, 2), text('b', 1, 4), text('c', 4, 1)]] });
    expect(positions(dashboard)).toEqual([[0, 0, 10, 2], [10, 0, 1, 4], [11, 0, 4, 1]]);
  });

  test('the same widgets as separate bands stack (y 0, 2, 6)', () => {
    const dashboard = new Dashboard({ dashboardName: 'd' }).addWidgets(text('a', 10, 2)).addWidgets(text('b', 1, 4)).addWidgets(text('c', 4, 1));
    expect(positions(dashboard)).toEqual([[0, 0, 10, 2], [0, 2, 1, 4], [0, 6, 4, 1]]);
  });

  test.each([[[4, 1, 1]], [[1, 4, 1]], [[1, 1, 4]]])('wraps at 24 columns below the tallest widget so far (heights %j)', (heights) => {
    const row = new Row(text('a', 12, heights[0]!), text('b', 12, heights[1]!), text('c', 12, heights[2]!));
    const tallest = Math.max(heights[0]!, heights[1]!);
    expect(row.width).toBe(24);
    expect(row.height).toBe(tallest + heights[2]!);
    expect(row.renderAt({ x: 0, y: 0 }, { region: undefined }).map((widget) => [widget.x, widget.y])).toEqual([[0, 0], [12, 0], [0, tallest]]);
  });
});

test('Column stacks, Spacer takes room and renders nothing', () => {
  const column = new Column(text('a', 6, 2), new Spacer({ height: 3 }), text('b', 8, 1));
  expect([column.width, column.height]).toEqual([8, 6]);
  const dashboard = new Dashboard({ dashboardName: 'd', widgets: [[column, text('c', 4, 4)]] });
  expect(positions(dashboard)).toEqual([[0, 0, 6, 2], [0, 5, 8, 1], [8, 0, 4, 4]]);
});

test('pinned widgets keep x/y and the bands flow around them without overlap', () => {
  const dashboard = new Dashboard({
    dashboardName: 'd',
    widgets: [text('pinned', 6, 4, { x: 0, y: 2 }), text('a', 24, 2), text('b', 24, 3), text('c', 6, 2, { x: 18, y: 0 })],
  });
  expect(positions(dashboard)).toEqual([[0, 2, 6, 4], [0, 6, 24, 2], [0, 8, 24, 3], [18, 0, 6, 2]]);
  expect(validateDashboardBody(dashboard.toBody())).toEqual([]);
});

test("placement 'cloudwatch' leaves unpinned widgets without x/y", () => {
  const dashboard = new Dashboard({ dashboardName: 'd', placement: 'cloudwatch', widgets: [text('a', 6, 2), text('b', 6, 2, { x: 6, y: 0 })] });
  expect(positions(dashboard)).toEqual([[undefined, undefined, 6, 2], [6, 0, 6, 2]]);
  expect(JSON.stringify(dashboard.toBody().widgets[0])).not.toContain('"x"');
});

test('many generated widgets never overlap nor leave the grid', () => {
  const widgets = Array.from({ length: 60 }, (_, index) => text(String(index), 1 + ((index * 7) % 24), 1 + (index % 5)));
  const dashboard = new Dashboard({ dashboardName: 'd', widgets: [widgets.slice(0, 30), ...widgets.slice(30)] });
  expect(validateDashboardBody(dashboard.toBody())).toEqual([]);
});

test('defaultInterval writes a relative start; with start as well it is an error naming the fix', () => {
  expect(new Dashboard({ dashboardName: 'd', defaultInterval: Duration.days(7) }).toBody().start).toBe('-P7D');
  expect(new Dashboard({ dashboardName: 'd', defaultInterval: Duration.hours(3) }).toBody().start).toBe('-PT3H');
  expect(new Dashboard({ dashboardName: 'd', defaultInterval: Duration.minutes(90) }).toBody().start).toBe('-PT90M');
  expect(() => new Dashboard({ dashboardName: 'd', start: '-PT1H', defaultInterval: Duration.days(1) }).toBody()).toThrow(
    'dashboard "d" sets both start and defaultInterval',
  );
});
