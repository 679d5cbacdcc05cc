/** One error mapper for every AWS service: which call failed, why, and what to change. */
import { describe, expect, it } from 'vitest';
import { iamAction, toAwsError } from '../../../src/sources/aws/errors.js';
import { CLOUDWATCH, PRICE_LIST } from '../../../src/sources/aws/services.js';
import { AwsError } from '../../../src/shared/errors.js';

const sdkError = (name: string, message: string, metadata: { httpStatusCode?: number; attempts?: number } = {}, code?: string) =>
  Object.assign(new Error(message), { name, $metadata: metadata, ...(code === undefined ? {} : { code }) });

describe('toAwsError', () => {
  it('names the IAM action of the service for access denied', () => {
    const denied = sdkError('AccessDeniedException', 'User: arn:aws:iam::1:user/ci is not authorized to perform: pricing:GetProducts');
    const error = toAwsError(denied, 'GetProducts', PRICE_LIST);
    expect(error).toBeInstanceOf(AwsError);
    expect(error.message).toBe('access denied: arn:aws:iam::1:user/ci may not call pricing:GetProducts');
    expect(error.fix).toContain('the embedded price snapshot keeps working');
    expect(iamAction('PutDashboardCommand')).toBe('cloudwatch:PutDashboard');
  });

  it('throttling and 5xx say how many attempts were made, in the service\'s words', () => {
    expect(toAwsError(sdkError('ThrottlingException', 'Rate exceeded', { httpStatusCode: 400, attempts: 8 }), 'GetProducts', PRICE_LIST).message).toBe(
      'The Price List API kept throttling GetProducts after 8 attempts',
    );
    const failed = toAwsError(sdkError('InternalServiceFault', 'boom', { httpStatusCode: 500, attempts: 3 }), 'PutDashboardCommand', CLOUDWATCH);
    expect(failed.message).toBe('CloudWatch failed PutDashboard with InternalServiceFault (HTTP 500) after 3 attempts');
    expect(failed.fix).toBe(CLOUDWATCH.tryAgain);
  });

  it('network failures name the endpoint variable to check', () => {
    const refused = toAwsError(sdkError('Error', 'connect ECONNREFUSED', {}, 'ECONNREFUSED'), 'ListMetrics', CLOUDWATCH);
    expect(refused.message).toBe('cannot reach CloudWatch for ListMetrics (ECONNREFUSED)');
    expect(refused.fix).toContain('AWS_ENDPOINT_URL_CLOUDWATCH');
  });

  it('rejected credentials and a missing region have their own fixes; anything else keeps the SDK\'s words', () => {
    expect(toAwsError(sdkError('ExpiredTokenException', 'The security token included in the request is expired'), 'ListMetrics').fix).toContain('aws sso login');
    expect(toAwsError(new Error('Region is missing'), 'ListMetrics').message).toBe('no AWS region is configured');
    expect(toAwsError(sdkError('InvalidParameterValue', 'bad\nsecond line'), 'GetDashboard').message).toBe('GetDashboard failed: InvalidParameterValue: bad');
  });

  it('an AwsError passes through unchanged', () => {
    const original = new AwsError('already mapped');
    expect(toAwsError(original, 'GetDashboard')).toBe(original);
  });
});
