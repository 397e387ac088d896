//! The scenarios, one module each. Add one here and it appears everywhere.

mod credentials_inside;
mod imds_ssrf;
mod keys_vs_profile;
mod one_role_per_profile;
mod pass_role;
mod role_is_not_a_profile;
mod s3_upload_experiment;
mod ssm_managed_instance;
mod wrong_trust_principal;

use crate::model::Scenario;

/// Every scenario, in teaching order.
pub static SCENARIOS: &[&Scenario] = &[
    &s3_upload_experiment::SCENARIO,
    &role_is_not_a_profile::SCENARIO,
    &ssm_managed_instance::SCENARIO,
    &credentials_inside::SCENARIO,
    &wrong_trust_principal::SCENARIO,
    &keys_vs_profile::SCENARIO,
    &imds_ssrf::SCENARIO,
    &one_role_per_profile::SCENARIO,
    &pass_role::SCENARIO,
];

/// The scenario with this id.
pub fn scenario(id: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().copied().find(|s| s.id == id)
}

/// The trust policy that lets EC2 assume a role, as the CLI steps write it to a file.
pub(crate) const WRITE_EC2_TRUST: &str = r#"echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json"#;
