/** Namespace, log group and stream, and the prometheus receiver's resource, as awsemf derives them (vectors from Go tests). */
import { describe, expect, it } from 'vitest';
import { emfLogGroup, emfLogStream, emfNamespace, prometheusResourceAttributes } from '../../../src/analysis/awsemf/resource.js';
import { LEVELS_BY_TEST_FILE, vectorCases } from './awsemf-vectors.js';

describe('EMF resource (test/vectors/awsemf.json)', () => {
  it.each(vectorCases(LEVELS_BY_TEST_FILE['resource.test.ts']!))('%s', (_name, vector) => {
    switch (vector.level) {
      case 'groupedLabels': {
        const resource: Record<string, string> = vector.expectedNamespace === 'default' ? {} : { 'service.name': 'myServiceName', 'service.namespace': 'myServiceNS' };
        expect(emfNamespace('', resource)).toBe(vector.expectedNamespace);
        break;
      }
      case 'namespace':
        expect(emfNamespace(vector.configNamespace as string, vector.resourceAttributes as Record<string, string>)).toBe(vector.expectedNamespace);
        break;
      case 'logInfo': {
        const resource = { 'aws.ecs.cluster.name': 'test-cluster-name', 'aws.ecs.task.id': 'test-task-id' };
        expect(emfLogGroup(vector.configLogGroup as string, vector.namespace as string, resource)).toBe(vector.expectedLogGroup);
        expect(emfLogStream(vector.configLogStream as string, resource)).toBe(vector.expectedLogStream);
        break;
      }
      case 'promResource': {
        const style = vector.source.includes('@v0.45.1') ? 'legacy' : vector.source.includes('duplicates') ? 'net+server' : 'server';
        const target = { job: vector.job as string, instance: vector.instance as string, scheme: vector.scheme as string };
        expect(prometheusResourceAttributes(target, style)).toEqual(vector.expectedResource);
        break;
      }
      default:
        throw new Error(`vector level ${vector.level} is not a resource level`);
    }
  });
});
