-- The namespace a cluster's kubeconfig context names: where its first deploy goes. Null without one.
ALTER TABLE cluster ADD COLUMN default_namespace VARCHAR(63);

-- A dry run changes nothing, so it is no deployment: it is audited (DEPLOY_DRY_RUN), not recorded.
DELETE FROM deployment_record WHERE status = 'DryRunPassed';
