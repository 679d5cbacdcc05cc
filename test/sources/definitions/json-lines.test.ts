import { expect, test } from 'vitest';
import { jsonPointerLines, lineOfPointer } from '../../../src/sources/definitions/json-lines.js';

const text = `{
  "widgets": [
    { "type": "text", "properties": { "markdown": "a \\"quoted\\" } brace" } },
    {
      "type": "metric",
      "properties": {
        "metrics": [
          ["AWS/EC2", "CPUUtilization",
            { "period": 45 }]
        ],
        "a/b~c": -1.5e3
      }
    }
  ]
}`;

test('each JSON pointer maps to the line its value starts on', () => {
  const lines = jsonPointerLines(text);
  expect(lines.get('')).toBe(1);
  expect(lines.get('/widgets/0/properties/markdown')).toBe(3);
  expect(lines.get('/widgets/1')).toBe(4);
  expect(lines.get('/widgets/1/properties/metrics/0/2/period')).toBe(9);
  expect(lines.get('/widgets/1/properties/a~1b~0c')).toBe(11);
  expect(lines.size).toBe(16);
});

test('a missing member is located at its closest existing ancestor', () => {
  const lines = jsonPointerLines(text);
  expect(lineOfPointer(lines, '/widgets/1/properties/region')).toBe(6);
  expect(lineOfPointer(lines, '/nothing/here')).toBe(1);
});
