//! S3: buckets, objects and bucket policies.
//!
//! Every call is evaluated with the caller's identity policies, the bucket's policy, the
//! permissions boundary and the session policy. S3 quotes the resource ARN in its
//! `AccessDenied` message.

use crate::clock::Timestamp;
use crate::error::{ApiError, AwsError};
use crate::policy::{Policy, PolicyUse};
use crate::world::World;
use crate::world::auth::{CallCtx, ResourcePolicy};
use crate::world::params::Params;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// An object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Object {
    /// The body (text).
    pub body: String,
    /// When it was last written.
    pub last_modified: Timestamp,
    /// The ETag (quoted hex, like S3's).
    pub etag: String,
}

/// A bucket.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bucket {
    /// The name.
    pub name: String,
    /// When it was created.
    pub creation_date: Timestamp,
    /// Objects by key.
    pub objects: BTreeMap<String, Object>,
    /// The bucket policy.
    pub policy: Option<Policy>,
}

/// All S3 state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct S3State {
    /// Buckets by name.
    pub buckets: BTreeMap<String, Bucket>,
}

/// S3's rules for bucket names (general purpose buckets).
pub fn valid_bucket_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    (3..=63).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'.' || *b == b'-')
        && (first.is_ascii_lowercase() || first.is_ascii_digit())
        && (last.is_ascii_lowercase() || last.is_ascii_digit())
        && !name.contains("..")
        && !name.starts_with("xn--")
        && !name.ends_with("-s3alias")
        && !(name.split('.').count() == 4 && name.split('.').all(|p| p.parse::<u8>().is_ok()))
}

/// A deterministic ETag: FNV-1a of the body, as 32 hex digits in quotes.
fn etag(body: &str) -> String {
    let mut h1: u64 = 0xcbf2_9ce4_8422_2325;
    let mut h2: u64 = 0x8422_2325_cbf2_9ce4;
    for b in body.bytes() {
        h1 = (h1 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        h2 = (h2 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3 ^ 0x1000);
    }
    format!("\"{h1:016x}{h2:016x}\"")
}

/// A HEAD request's error: no body, so the SDK sees only the status (`404`, `Not Found`).
fn head_error(error: ApiError) -> ApiError {
    let message = match error.http_status {
        404 => "Not Found",
        403 => "Forbidden",
        409 => "Conflict",
        _ => "Bad Request",
    };
    ApiError {
        code: error.http_status.to_string(),
        message: message.to_string(),
        ..error
    }
}

fn bucket_arn(bucket: &str) -> String {
    format!("arn:aws:s3:::{bucket}")
}

fn object_arn(bucket: &str, key: &str) -> String {
    format!("arn:aws:s3:::{bucket}/{key}")
}

impl World {
    /// Authorizes an S3 action with the bucket's policy.
    fn s3_check(
        &mut self,
        cx: &mut CallCtx,
        action: &str,
        resource: &str,
        bucket: &str,
    ) -> Result<(), ApiError> {
        self.check(cx, action, resource, ResourcePolicy::Bucket(bucket), &[])
    }

    /// The error for a key that does not exist. S3 says `NoSuchKey` (404) only to a caller
    /// allowed `s3:ListBucket` on the bucket; anyone else gets 403 `Access Denied`, so that
    /// the answer does not reveal what the bucket holds (GetObject and HeadObject API
    /// reference, "Permissions"). The `s3:ListBucket` evaluation is recorded with the call,
    /// so the event explains the 403.
    fn s3_missing_key(&mut self, cx: &mut CallCtx, bucket: &str) -> ApiError {
        match self.s3_check(cx, "s3:ListBucket", &bucket_arn(bucket), bucket) {
            Ok(()) => AwsError::no_such_key().into(),
            Err(mut denied) => {
                denied.code = "AccessDenied".to_string();
                denied.message = "Access Denied".to_string();
                denied.http_status = 403;
                denied
            }
        }
    }

    fn s3_bucket_exists(&self, bucket: &str) -> Result<(), ApiError> {
        if self.s3.buckets.contains_key(bucket) {
            Ok(())
        } else {
            Err(AwsError::no_such_bucket().into())
        }
    }

    /// `CreateBucket`.
    pub(crate) fn s3_create_bucket(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        if !valid_bucket_name(name) {
            return Err(AwsError::invalid_bucket_name().into());
        }
        self.check(
            cx,
            "s3:CreateBucket",
            &bucket_arn(name),
            ResourcePolicy::None,
            &[],
        )?;
        if self.s3.buckets.contains_key(name) {
            return Err(AwsError::bucket_already_owned().into());
        }
        let bucket = Bucket {
            name: name.to_string(),
            creation_date: self.now(),
            objects: BTreeMap::new(),
            policy: None,
        };
        self.s3.buckets.insert(name.to_string(), bucket);
        Ok(json!({ "Location": format!("/{name}") }))
    }

    /// `ListBuckets`.
    pub(crate) fn s3_list_buckets(&mut self, cx: &mut CallCtx) -> Result<Value, ApiError> {
        self.check(cx, "s3:ListAllMyBuckets", "*", ResourcePolicy::None, &[])?;
        let buckets: Vec<Value> = self
            .s3
            .buckets
            .values()
            .map(|b| json!({ "Name": b.name, "CreationDate": b.creation_date.iso_offset() }))
            .collect();
        Ok(json!({ "Buckets": buckets, "Owner": { "ID": format!("{:0>64}", self.account) } }))
    }

    /// `HeadBucket` (authorized as s3:ListBucket, as S3 does).
    pub(crate) fn s3_head_bucket(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        self.s3_bucket_exists(name).map_err(head_error)?;
        self.s3_check(cx, "s3:ListBucket", &bucket_arn(name), name)
            .map_err(head_error)?;
        Ok(json!({ "BucketRegion": crate::world::REGION }))
    }

    /// `HeadObject` (authorized as s3:GetObject; HEAD replies carry no body, so errors are
    /// the bare status: `404 Not Found`, `403 Forbidden`).
    pub(crate) fn s3_head_object(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        let key = p.str("Key")?;
        let (metadata, _) = self.s3_read_object(cx, name, key).map_err(head_error)?;
        Ok(metadata)
    }

    /// What `GetObject` and `HeadObject` share: the bucket must exist, the caller needs
    /// s3:GetObject on the object, a missing key is [`Self::s3_missing_key`]. Returns the
    /// object's metadata (the HEAD response) and its body.
    fn s3_read_object(
        &mut self,
        cx: &mut CallCtx,
        name: &str,
        key: &str,
    ) -> Result<(Value, String), ApiError> {
        self.s3_bucket_exists(name)?;
        self.s3_check(cx, "s3:GetObject", &object_arn(name, key), name)?;
        let Some(object) = self.s3.buckets.get(name).and_then(|b| b.objects.get(key)) else {
            return Err(self.s3_missing_key(cx, name));
        };
        let metadata = json!({
            "ContentLength": object.body.len(),
            "ETag": object.etag,
            "LastModified": object.last_modified.iso_offset(),
            "ContentType": "binary/octet-stream",
        });
        Ok((metadata, object.body.clone()))
    }

    /// `DeleteBucket`.
    pub(crate) fn s3_delete_bucket(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        self.s3_bucket_exists(name)?;
        self.s3_check(cx, "s3:DeleteBucket", &bucket_arn(name), name)?;
        if self
            .s3
            .buckets
            .get(name)
            .is_some_and(|b| !b.objects.is_empty())
        {
            return Err(AwsError::bucket_not_empty().into());
        }
        self.s3.buckets.remove(name);
        Ok(json!({}))
    }

    /// `PutObject` (`Body` is text).
    pub(crate) fn s3_put_object(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        let key = p.str("Key")?;
        let body = p.opt_str("Body")?.unwrap_or("");
        self.s3_bucket_exists(name)?;
        self.s3_check(cx, "s3:PutObject", &object_arn(name, key), name)?;
        let tag = etag(body);
        let now = self.now();
        if let Some(bucket) = self.s3.buckets.get_mut(name) {
            bucket.objects.insert(
                key.to_string(),
                Object {
                    body: body.to_string(),
                    last_modified: now,
                    etag: tag.clone(),
                },
            );
        }
        Ok(json!({ "ETag": tag }))
    }

    /// `GetObject`.
    pub(crate) fn s3_get_object(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        let key = p.str("Key")?;
        let (metadata, body) = self.s3_read_object(cx, name, key)?;
        // AWS's order: the body first, then the HEAD fields.
        let mut response = serde_json::Map::new();
        response.insert("Body".to_string(), Value::String(body));
        if let Value::Object(fields) = metadata {
            response.extend(fields);
        }
        Ok(Value::Object(response))
    }

    /// `DeleteObject` (deleting a missing key succeeds, as in S3).
    pub(crate) fn s3_delete_object(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        let key = p.str("Key")?;
        self.s3_bucket_exists(name)?;
        self.s3_check(cx, "s3:DeleteObject", &object_arn(name, key), name)?;
        if let Some(bucket) = self.s3.buckets.get_mut(name) {
            bucket.objects.remove(key);
        }
        Ok(json!({}))
    }

    /// `ListObjectsV2` (Prefix, MaxKeys).
    pub(crate) fn s3_list_objects_v2(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        let prefix = p.opt_str("Prefix")?.unwrap_or("");
        let max_keys = p.opt_i64("MaxKeys")?.unwrap_or(1000).clamp(0, 1000);
        self.s3_bucket_exists(name)?;
        self.s3_check(cx, "s3:ListBucket", &bucket_arn(name), name)?;
        let Some(bucket) = self.s3.buckets.get(name) else {
            return Err(AwsError::no_such_bucket().into());
        };
        let matching: Vec<(&String, &Object)> = bucket
            .objects
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .collect();
        let limit = usize::try_from(max_keys).unwrap_or(1000);
        let contents: Vec<Value> = matching
            .iter()
            .take(limit)
            .map(|(k, o)| {
                json!({
                    "Key": k,
                    "LastModified": o.last_modified.iso_offset(),
                    "ETag": o.etag,
                    "Size": o.body.len(),
                    "StorageClass": "STANDARD",
                })
            })
            .collect();
        let mut out = json!({
            "IsTruncated": matching.len() > limit,
            "Name": name,
            "Prefix": prefix,
            "MaxKeys": max_keys,
            "KeyCount": contents.len(),
        });
        if !contents.is_empty()
            && let Some(obj) = out.as_object_mut()
        {
            obj.insert("Contents".to_string(), Value::Array(contents));
        }
        Ok(out)
    }

    /// `PutBucketPolicy` (validated as a resource policy).
    pub(crate) fn s3_put_bucket_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        let text = p.document("Policy")?;
        self.s3_bucket_exists(name)?;
        self.s3_check(cx, "s3:PutBucketPolicy", &bucket_arn(name), name)?;
        let policy = Policy::parse_for(&text, PolicyUse::Resource)
            .map_err(|e| AwsError::MalformedPolicy(e.message))?;
        if let Some(bucket) = self.s3.buckets.get_mut(name) {
            bucket.policy = Some(policy);
        }
        Ok(json!({}))
    }

    /// `GetBucketPolicy`.
    pub(crate) fn s3_get_bucket_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        self.s3_bucket_exists(name)?;
        self.s3_check(cx, "s3:GetBucketPolicy", &bucket_arn(name), name)?;
        let Some(policy) = self.s3.buckets.get(name).and_then(|b| b.policy.as_ref()) else {
            return Err(AwsError::no_such_bucket_policy().into());
        };
        Ok(json!({ "Policy": policy.to_value().to_string() }))
    }

    /// `DeleteBucketPolicy`.
    pub(crate) fn s3_delete_bucket_policy(
        &mut self,
        cx: &mut CallCtx,
        p: &Params<'_>,
    ) -> Result<Value, ApiError> {
        let name = p.str("Bucket")?;
        self.s3_bucket_exists(name)?;
        self.s3_check(cx, "s3:DeleteBucketPolicy", &bucket_arn(name), name)?;
        if let Some(bucket) = self.s3.buckets.get_mut(name) {
            bucket.policy = None;
        }
        Ok(json!({}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_names() {
        for good in ["abc", "my-bucket", "my.bucket.1", "a".repeat(63).as_str()] {
            assert!(valid_bucket_name(good), "{good}");
        }
        for bad in [
            "ab",
            "My-Bucket",
            "-abc",
            "abc-",
            "a..b",
            "192.168.1.1",
            "xn--abc",
            "abc-s3alias",
            "a_b",
            &"a".repeat(64),
        ] {
            assert!(!valid_bucket_name(bad), "{bad}");
        }
    }

    #[test]
    fn etags_are_quoted_hex_and_stable() {
        let t = etag("hello");
        assert_eq!(t.len(), 34);
        assert!(t.starts_with('"') && t.ends_with('"'));
        assert_eq!(t, etag("hello"));
        assert_ne!(t, etag("hello!"));
    }
}
