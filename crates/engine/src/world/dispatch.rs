//! Routing a call to its service operation, and recording it as an event.

use super::auth::{CallCtx, DenyStyle, unknown_identity};
use super::params::{Params, Style};
use super::{Credentials, Origin, World};
use crate::error::{ApiError, AwsError};
use crate::event::{ApiEvent, Event};
use serde_json::{Value, json};

/// Members left out of events (object bodies).
const UNRECORDED: &[&str] = &["Body"];

fn redact(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !UNRECORDED.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

impl World {
    /// Authenticates, routes, authorizes and records one API call.
    pub(crate) fn call_api(
        &mut self,
        origin: &Origin,
        credentials: Option<&Credentials>,
        service: &str,
        operation: &str,
        params: &Value,
    ) -> Result<Value, ApiError> {
        let request_id = self.ids.request_id();
        let source_ip = self.source_ip(origin);
        let (style, deny) = match service {
            "ec2" => (Style::Ec2, DenyStyle::Ec2),
            "s3" => (Style::Rest, DenyStyle::S3),
            "logs" | "ssm" => (Style::Rest, DenyStyle::Json),
            _ => (Style::Query, DenyStyle::Iam),
        };
        let (result, identity, auths) =
            match self.authenticate(origin, credentials, service == "s3") {
                Err(e) => (
                    Err(ApiError::from(e)),
                    unknown_identity(credentials),
                    Vec::new(),
                ),
                Ok(caller) => {
                    let identity = caller.user_identity(&self.account);
                    let mut cx = CallCtx {
                        caller,
                        auths: Vec::new(),
                        style: deny,
                    };
                    let p = Params::new(params, style);
                    let result = self.route(&mut cx, service, operation, &p);
                    (result, identity, cx.auths)
                }
            };
        let (response_elements, error_code, error_message) = match &result {
            Ok(v) => (redact(v), None, None),
            Err(e) => (Value::Null, Some(e.code.clone()), Some(e.message.clone())),
        };
        self.events.push(Event::Api(Box::new(ApiEvent {
            event_time: self.now().iso_z(),
            event_source: format!("{service}.amazonaws.com"),
            event_name: operation.to_string(),
            aws_region: super::REGION.to_string(),
            source_ip_address: source_ip,
            user_identity: identity,
            request_parameters: redact(params),
            response_elements,
            error_code,
            error_message,
            request_id,
            authorizations: auths,
        })));
        result
    }

    fn route(
        &mut self,
        cx: &mut CallCtx,
        service: &str,
        operation: &str,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        match (service, operation) {
            ("iam", "CreateRole") => self.iam_create_role(cx, p),
            ("iam", "GetRole") => self.iam_get_role(cx, p),
            ("iam", "ListRoles") => self.iam_list_roles(cx, p),
            ("iam", "UpdateAssumeRolePolicy") => self.iam_update_assume_role_policy(cx, p),
            ("iam", "DeleteRole") => self.iam_delete_role(cx, p),
            ("iam", "AttachRolePolicy") => self.iam_attach_role_policy(cx, p),
            ("iam", "DetachRolePolicy") => self.iam_detach_role_policy(cx, p),
            ("iam", "ListAttachedRolePolicies") => self.iam_list_attached_role_policies(cx, p),
            ("iam", "PutRolePolicy") => self.iam_put_role_policy(cx, p),
            ("iam", "GetRolePolicy") => self.iam_get_role_policy(cx, p),
            ("iam", "DeleteRolePolicy") => self.iam_delete_role_policy(cx, p),
            ("iam", "ListRolePolicies") => self.iam_list_role_policies(cx, p),
            ("iam", "CreatePolicy") => self.iam_create_policy(cx, p),
            ("iam", "GetPolicy") => self.iam_get_policy(cx, p),
            ("iam", "GetPolicyVersion") => self.iam_get_policy_version(cx, p),
            ("iam", "ListPolicies") => self.iam_list_policies(cx, p),
            ("iam", "DeletePolicy") => self.iam_delete_policy(cx, p),
            ("iam", "CreateInstanceProfile") => self.iam_create_instance_profile(cx, p),
            ("iam", "GetInstanceProfile") => self.iam_get_instance_profile(cx, p),
            ("iam", "ListInstanceProfiles") => self.iam_list_instance_profiles(cx, p),
            ("iam", "ListInstanceProfilesForRole") => {
                self.iam_list_instance_profiles_for_role(cx, p)
            }
            ("iam", "AddRoleToInstanceProfile") => self.iam_add_role_to_instance_profile(cx, p),
            ("iam", "RemoveRoleFromInstanceProfile") => {
                self.iam_remove_role_from_instance_profile(cx, p)
            }
            ("iam", "DeleteInstanceProfile") => self.iam_delete_instance_profile(cx, p),
            ("iam", "CreateUser") => self.iam_create_user(cx, p),
            ("iam", "GetUser") => self.iam_get_user(cx, p),
            ("iam", "ListUsers") => self.iam_list_users(cx, p),
            ("iam", "AttachUserPolicy") => self.iam_attach_user_policy(cx, p),
            ("iam", "DetachUserPolicy") => self.iam_detach_user_policy(cx, p),
            ("iam", "ListAttachedUserPolicies") => self.iam_list_attached_user_policies(cx, p),
            ("iam", "PutUserPolicy") => self.iam_put_user_policy(cx, p),
            ("iam", "GetUserPolicy") => self.iam_get_user_policy(cx, p),
            ("iam", "ListUserPolicies") => self.iam_list_user_policies(cx, p),
            ("iam", "CreateAccessKey") => self.iam_create_access_key(cx, p),
            ("iam", "DeleteAccessKey") => self.iam_delete_access_key(cx, p),
            ("iam", "ListAccessKeys") => self.iam_list_access_keys(cx, p),
            ("sts", "AssumeRole") => self.sts_assume_role(cx, p),
            ("sts", "GetCallerIdentity") => self.sts_get_caller_identity(cx),
            ("ec2", "RunInstances") => self.ec2_run_instances(cx, p),
            ("ec2", "DescribeInstances") => self.ec2_describe_instances(cx, p),
            ("ec2", "StartInstances") => self.ec2_start_instances(cx, p),
            ("ec2", "StopInstances") => self.ec2_stop_instances(cx, p),
            ("ec2", "TerminateInstances") => self.ec2_terminate_instances(cx, p),
            ("ec2", "AssociateIamInstanceProfile") => {
                self.ec2_associate_iam_instance_profile(cx, p)
            }
            ("ec2", "ReplaceIamInstanceProfileAssociation") => {
                self.ec2_replace_iam_instance_profile_association(cx, p)
            }
            ("ec2", "DisassociateIamInstanceProfile") => {
                self.ec2_disassociate_iam_instance_profile(cx, p)
            }
            ("ec2", "DescribeIamInstanceProfileAssociations") => {
                self.ec2_describe_iam_instance_profile_associations(cx, p)
            }
            ("ec2", "ModifyInstanceMetadataOptions") => {
                self.ec2_modify_instance_metadata_options(cx, p)
            }
            ("s3", "CreateBucket") => self.s3_create_bucket(cx, p),
            ("s3", "ListBuckets") => self.s3_list_buckets(cx),
            ("s3", "HeadBucket") => self.s3_head_bucket(cx, p),
            ("s3", "HeadObject") => self.s3_head_object(cx, p),
            ("s3", "DeleteBucket") => self.s3_delete_bucket(cx, p),
            ("s3", "PutObject") => self.s3_put_object(cx, p),
            ("s3", "GetObject") => self.s3_get_object(cx, p),
            ("s3", "DeleteObject") => self.s3_delete_object(cx, p),
            ("s3", "ListObjectsV2") => self.s3_list_objects_v2(cx, p),
            ("s3", "PutBucketPolicy") => self.s3_put_bucket_policy(cx, p),
            ("s3", "GetBucketPolicy") => self.s3_get_bucket_policy(cx, p),
            ("s3", "DeleteBucketPolicy") => self.s3_delete_bucket_policy(cx, p),
            ("logs", "CreateLogGroup") => self.logs_create_log_group(cx, p),
            ("logs", "CreateLogStream") => self.logs_create_log_stream(cx, p),
            ("logs", "PutLogEvents") => self.logs_put_log_events(cx, p),
            ("logs", "DescribeLogGroups") => self.logs_describe_log_groups(cx, p),
            ("ssm", "DescribeInstanceInformation") => self.ssm_describe_instance_information(cx, p),
            _ => Err(AwsError::invalid_action(service, operation).into()),
        }
    }

    /// The IAM console's "create role for EC2", as the laptop's `admin`: CreateRole with the
    /// console's EC2 trust policy, CreateInstanceProfile of the same name,
    /// AddRoleToInstanceProfile, and AttachRolePolicy for each policy. Each step is an event.
    pub(crate) fn console_create_role_for_ec2(
        &mut self,
        role_name: &str,
        managed_policy_arns: &[String],
        description: Option<&str>,
    ) -> Result<Value, ApiError> {
        let admin = self.admin_credentials();
        let laptop = Origin::Laptop;
        let description = description.unwrap_or(crate::iam::ops::CONSOLE_EC2_ROLE_DESCRIPTION);
        // The console checks the policies exist before creating anything.
        for arn in managed_policy_arns {
            if !self.iam.policies.contains_key(arn) {
                return Err(AwsError::policy_not_attachable(arn).into());
            }
        }
        let role = self.call_api(
            &laptop,
            Some(&admin),
            "iam",
            "CreateRole",
            &json!({
                "RoleName": role_name,
                "AssumeRolePolicyDocument": crate::iam::ops::CONSOLE_EC2_TRUST_POLICY,
                "Description": description,
            }),
        )?;
        let profile = self.call_api(
            &laptop,
            Some(&admin),
            "iam",
            "CreateInstanceProfile",
            &json!({ "InstanceProfileName": role_name }),
        )?;
        self.call_api(
            &laptop,
            Some(&admin),
            "iam",
            "AddRoleToInstanceProfile",
            &json!({ "InstanceProfileName": role_name, "RoleName": role_name }),
        )?;
        for arn in managed_policy_arns {
            self.call_api(
                &laptop,
                Some(&admin),
                "iam",
                "AttachRolePolicy",
                &json!({ "RoleName": role_name, "PolicyArn": arn }),
            )?;
        }
        let profile = self.iam.instance_profile(role_name).map_or(
            profile,
            |p| json!({ "InstanceProfile": crate::iam::ops::instance_profile_json(self, p) }),
        );
        Ok(json!({
            "Role": role.get("Role").cloned().unwrap_or(Value::Null),
            "InstanceProfile": profile.get("InstanceProfile").cloned().unwrap_or(Value::Null),
        }))
    }
}
