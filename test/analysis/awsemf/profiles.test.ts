/** ADOT collector versions and the behaviour each one pins (docs/sources.md#awsemf). */
import { describe, expect, it } from 'vitest';
import { collectorProfile, DEFAULT_COLLECTOR_VERSION, PROMETHEUS_SCOPE_NEW, SUPPORTED_COLLECTOR_VERSIONS } from '../../../src/analysis/awsemf/profiles.js';
import { UsageError } from '../../../src/shared/errors.js';

describe('collector profiles', () => {
  it('the 2022 sidecar (ADOT 0.17, contrib 0.45.1) is OLD: no OTelLib, legacy resource, seconds unit', () => {
    expect(collectorProfile('0.17.0')).toMatchObject({
      collectorVersion: '0.17.0',
      contribVersion: '0.45.1',
      label: 'OLD',
      resourceAttributes: 'legacy',
      prometheusScope: '',
      scrapeDurationUnit: 'seconds',
      honoursEmptyDeclaredSet: false,
      invalidMatcherIsFatal: true,
      createdIsSeparateMetric: true,
    });
  });

  it('ADOT 0.49 is NEW (contrib 0.156.0): the receiver scope becomes OTelLib, NaN and Inf are dropped', () => {
    expect(collectorProfile('0.49.0')).toMatchObject({ label: 'NEW', contribVersion: '0.156.0', prometheusScope: PROMETHEUS_SCOPE_NEW, dropsNaN: true, dropsInf: true, definitionForm: 'new' });
  });

  it('versions in between are named by their contrib version', () => {
    expect(collectorProfile('0.29.1')).toMatchObject({ collectorVersion: '0.29.1', label: 'contrib-0.76.3', resourceAttributes: 'net' });
  });

  it('accepts a leading v and a missing patch; the default is the newest known', () => {
    expect(collectorProfile('v0.40').collectorVersion).toBe('0.40.0');
    expect(collectorProfile().collectorVersion).toBe(DEFAULT_COLLECTOR_VERSION);
    expect(SUPPORTED_COLLECTOR_VERSIONS.at(-1)).toBe(DEFAULT_COLLECTOR_VERSION);
  });

  it('an unknown version is a usage error that lists the known range', () => {
    expect(() => collectorProfile('0.99.0')).toThrow(UsageError);
    expect(() => collectorProfile('latest')).toThrow(/unknown ADOT collector version "latest"/);
  });
});
