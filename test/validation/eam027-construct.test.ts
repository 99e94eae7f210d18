import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { EksAccessManager } from '../../src';
import { synthError } from '../synth-error';

const DEV = 'arn:aws:iam::111122223333:role/dev';
const BAD_NAME = '[EAM027] (cluster settings): clusterName: "prod.eu" has ".", which EKS does not allow in cluster names';

describe('EAM027 in the construct: the literal name of the cluster settings', () => {
  test('fails synth on a literal clusterName that EKS cannot have', () => {
    const stack = new Stack(new App(), 'Platform');
    new EksAccessManager(stack, 'Access', { clusterName: 'prod.eu', principals: { [DEV]: {} } });
    expect(synthError(stack)).toContain(BAD_NAME);
  });

  test('fails synth on the literal name of an imported cluster', () => {
    const stack = new Stack(new App(), 'Platform');
    const cluster = eks.Cluster.fromClusterAttributes(stack, 'Imported', { clusterName: 'prod.eu' });
    new EksAccessManager(stack, 'Access', { cluster, principals: { [DEV]: {} } });
    expect(synthError(stack)).toContain(BAD_NAME);
  });

  test('synthesizes with a name of 100 characters', () => {
    const stack = new Stack(new App(), 'Platform');
    new EksAccessManager(stack, 'Access', { clusterName: 'c'.repeat(100), principals: { [DEV]: {} } });
    expect(synthError(stack)).toBeUndefined();
  });

  test('does not check the name of a cluster of the app, a token until deploy', () => {
    const stack = new Stack(new App(), 'Platform');
    const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_34 });
    new EksAccessManager(stack, 'Access', { cluster, principals: { [DEV]: {} } });
    expect(synthError(stack)).toBeUndefined();
  });

  test('reports an empty clusterName once, as EAM101', () => {
    const stack = new Stack(new App(), 'Platform');
    new EksAccessManager(stack, 'Access', { clusterName: '', principals: { [DEV]: {} } });
    const error = synthError(stack);
    expect(error).toContain('[EAM101]');
    expect(error).not.toContain('[EAM027]');
  });
});
