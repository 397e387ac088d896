//! The Instance Metadata Service (IMDS) of each instance, as an HTTP model.
//!
//! `PUT /latest/api/token` with `X-aws-ec2-metadata-token-ttl-seconds: 1–21600` gives a
//! token (IMDSv2); GETs carry it in `X-aws-ec2-metadata-token`. With `HttpTokens=required`
//! a GET without a valid token is 401. The PUT's reply is sent with IP TTL = the hop limit,
//! so from a container (2 hops) with limit 1 it never arrives: status 0 means "no answer"
//! and the caller (curl, an SDK) times out. GETs are not limited that way.
//!
//! Credentials: the EC2 service assumes the role of the instance's profile and delivers two
//! sets, one for IMDSv1 readers (`ec2:RoleDelivery` = 1.0) and one for IMDSv2 (2.0). They
//! live about six hours and are replaced hourly; "new credentials at least five minutes
//! before the expiration of the old" is documented (EC2 User Guide), the hourly rhythm and
//! the six-hour life are observed, not documented. A role or profile change reaches the
//! instance at its next refresh.

use crate::clock::Timestamp;
use crate::ec2::{AVAILABILITY_ZONE, Instance, InstanceState};
use crate::event::{Event, ImdsEvent};
use crate::world::World;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The metadata service's address.
pub const ENDPOINT: &str = "http://169.254.169.254";

/// Seconds the instance credentials live (observed: about six hours).
pub const CREDENTIALS_LIFETIME: u64 = 6 * 3600;

/// Seconds between credential refreshes (observed: about hourly; not documented).
pub const REFRESH_INTERVAL: u64 = 3600;

/// Seconds before a failed credential fetch (e.g. a trust policy that does not trust EC2)
/// is retried (chosen).
pub const RETRY_INTERVAL: u64 = 300;

/// The largest token TTL.
pub const MAX_TOKEN_TTL: u64 = 21_600;

/// The header of a PUT's requested token TTL.
pub const TTL_HEADER: &str = "X-aws-ec2-metadata-token-ttl-seconds";

/// The header a GET carries its token in.
pub const TOKEN_HEADER: &str = "X-aws-ec2-metadata-token";

/// An HTTP request to the metadata service. SDKs poll the same request over and over, so a
/// copy shares the method (usually a constant) and the path rather than copying them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    /// `GET` or `PUT`.
    pub method: Cow<'static, str>,
    /// e.g. `/latest/meta-data/iam/security-credentials/` (a full `http://169.254.169.254/…`
    /// URL is accepted too).
    pub path: Arc<str>,
    /// Headers (names case-insensitive).
    pub headers: Vec<(String, String)>,
    /// Network hops from the caller: 1 = the instance, 2 = a container on it.
    pub hops: u8,
}

impl HttpRequest {
    /// A GET from the instance itself.
    pub fn get(path: &str) -> Self {
        HttpRequest {
            method: Cow::Borrowed("GET"),
            path: path.into(),
            headers: Vec::new(),
            hops: 1,
        }
    }

    /// A PUT from the instance itself.
    pub fn put(path: &str) -> Self {
        HttpRequest {
            method: Cow::Borrowed("PUT"),
            path: path.into(),
            headers: Vec::new(),
            hops: 1,
        }
    }

    /// The same request with one more header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// The same request from `hops` hops away.
    pub fn with_hops(mut self, hops: u8) -> Self {
        self.hops = hops;
        self
    }

    /// A header's value (name case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A response body: shared text. The credentials body that every SDK on an instance polls
/// is rendered once per refresh, and each read hands out the same text without a copy.
/// Reads like a `&str` (it derefs to one) and compares with strings; saved as a string.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Body(Arc<str>);

impl Body {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Body {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Body {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Body {
    fn from(text: String) -> Self {
        Body(text.into())
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Self {
        Body(text.into())
    }
}

impl std::fmt::Display for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Body {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Body {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Body {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Body> for &str {
    fn eq(&self, other: &Body) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Body> for String {
    fn eq(&self, other: &Body) -> bool {
        **self == *other.0
    }
}

impl Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Body::from)
    }
}

/// A `security-credentials/ROLE` body that may not be rendered yet: the EC2 service issues
/// an IMDSv2 session with every refresh, and most instances never read it, so its body (and
/// the session's secret and token) is rendered when first read. Saved as the text, and
/// compares by the text.
#[derive(Clone, Debug)]
pub struct CredentialsBody {
    /// Set once rendered (at once for a body made from text).
    text: OnceLock<Body>,
    /// What renders it, until then.
    source: Option<Box<PendingBody>>,
}

/// What a [`CredentialsBody`] renders from.
#[derive(Clone, Debug)]
struct PendingBody {
    access_key_id: String,
    secrets: crate::sts::SessionSecrets,
    last_updated: Timestamp,
    expiration: Timestamp,
}

impl CredentialsBody {
    /// The body of `session`'s credentials as delivered at `last_updated`, rendered when read.
    pub(crate) fn pending(session: &crate::sts::Session, last_updated: Timestamp) -> Self {
        CredentialsBody {
            text: OnceLock::new(),
            source: Some(Box::new(PendingBody {
                access_key_id: session.access_key_id.clone(),
                secrets: session.secrets().clone(),
                last_updated,
                expiration: session.expiration,
            })),
        }
    }

    /// The text (rendered on the first call).
    pub fn body(&self) -> Body {
        self.text
            .get_or_init(|| match &self.source {
                Some(p) => Body::from(render_credentials(
                    &p.access_key_id,
                    &p.secrets.secret_access_key(),
                    &p.secrets.session_token(),
                    &p.last_updated.iso_z(),
                    &p.expiration.iso_z(),
                )),
                None => Body::default(),
            })
            .clone()
    }
}

impl From<Body> for CredentialsBody {
    fn from(body: Body) -> Self {
        CredentialsBody {
            text: OnceLock::from(body),
            source: None,
        }
    }
}

impl PartialEq for CredentialsBody {
    fn eq(&self, other: &Self) -> bool {
        self.body() == other.body()
    }
}

impl Serialize for CredentialsBody {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.body())
    }
}

impl<'de> Deserialize<'de> for CredentialsBody {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Body::deserialize(deserializer).map(CredentialsBody::from)
    }
}

/// A header's name or value: most are constants, so only the others are allocated.
pub type HeaderText = Cow<'static, str>;

/// Response headers: most responses carry one of a few constant lists, so those are not
/// allocated.
pub type Headers = Cow<'static, [(HeaderText, HeaderText)]>;

const TEXT_PLAIN: &[(HeaderText, HeaderText)] =
    &[(Cow::Borrowed("Content-Type"), Cow::Borrowed("text/plain"))];
const TEXT_HTML: &[(HeaderText, HeaderText)] =
    &[(Cow::Borrowed("Content-Type"), Cow::Borrowed("text/html"))];

/// An HTTP response from the metadata service. Status 0: no answer reached the caller.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpResponse {
    /// The status; 0 when nothing came back (a timeout for the caller).
    pub status: u16,
    /// Response headers.
    pub headers: Headers,
    /// The body.
    pub body: Body,
}

impl HttpResponse {
    fn text(status: u16, body: Body) -> Self {
        HttpResponse {
            status,
            headers: Cow::Borrowed(TEXT_PLAIN),
            body,
        }
    }

    fn html_error(status: u16, reason: &str) -> Self {
        let body = format!(
            "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n\t\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n <head>\n  <title>{status} - {reason}</title>\n </head>\n <body>\n  <h1>{status} - {reason}</h1>\n </body>\n</html>\n"
        );
        HttpResponse {
            status,
            headers: Cow::Borrowed(TEXT_HTML),
            body: body.into(),
        }
    }

    /// No answer: the caller times out.
    pub fn no_answer() -> Self {
        HttpResponse {
            status: 0,
            headers: Cow::Borrowed(&[]),
            body: Body::default(),
        }
    }

    /// 404 with IMDS's HTML body (`<title>404 - Not Found</title>`).
    pub fn not_found() -> Self {
        Self::html_error(404, "Not Found")
    }

    /// 401 with IMDS's HTML body.
    pub fn unauthorized() -> Self {
        Self::html_error(401, "Unauthorized")
    }

    /// 400 with IMDS's HTML body.
    pub fn bad_request() -> Self {
        Self::html_error(400, "Bad Request")
    }

    /// 403: the endpoint is turned off (documented as 403; exact body unconfirmed).
    pub fn forbidden() -> Self {
        Self::html_error(403, "Forbidden")
    }

    /// 405 for methods other than GET and PUT.
    pub fn method_not_allowed() -> Self {
        Self::html_error(405, "Method Not Allowed")
    }
}

/// What the EC2 service last delivered to an instance's `iam/` folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum IamDelivery {
    /// Credentials for the role: the `ASIA…` keys for IMDSv1 and IMDSv2 readers.
    Credentials {
        /// The role's name (the folder's one entry).
        role_name: String,
        /// Session read without a token (RoleDelivery 1.0).
        v1_key: String,
        /// Session read with a token (RoleDelivery 2.0).
        v2_key: String,
        /// The `security-credentials/ROLE` body for IMDSv1 readers, rendered at refresh
        /// (the read path is hot: every SDK on every instance polls it).
        v1_body: Body,
        /// The same for IMDSv2 readers (rendered when first read: few read it).
        v2_body: CredentialsBody,
    },
    /// The trust policy does not let `ec2.amazonaws.com` assume the role.
    AssumeRoleUnauthorized {
        /// The role's name.
        role_name: String,
    },
    /// The profile holds no role (message approximated: AWS documents only its start).
    NoRole,
    /// The associated profile no longer exists.
    ProfileNotFound,
}

/// The `iam/` folder's content at the last refresh.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IamSnapshot {
    /// The associated profile's ARN.
    pub profile_arn: String,
    /// Its `AIPA…` id.
    pub profile_id: String,
    /// When the EC2 service last refreshed.
    pub last_updated: Timestamp,
    /// What it got.
    pub delivery: IamDelivery,
}

/// The metadata service's state on one instance.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InstanceMetadata {
    /// IMDSv2 tokens and when each expires.
    pub tokens: BTreeMap<String, Timestamp>,
    /// The `iam/` folder; `None` when no profile is associated.
    pub iam: Option<IamSnapshot>,
    /// When the EC2 service refreshes the credentials next.
    pub next_refresh: Option<Timestamp>,
}

const META_DATA_LISTING_HEAD: &[&str] = &["ami-id", "ami-launch-index", "hostname"];
const META_DATA_LISTING_TAIL: &[&str] = &[
    "instance-action",
    "instance-id",
    "instance-life-cycle",
    "instance-type",
    "local-hostname",
    "local-ipv4",
    "placement/",
    "reservation-id",
    "security-groups",
    "services/",
];

const DOCS: &str =
    "http://docs.amazonwebservices.com/IAM/latest/UserGuide/RolesTroubleshooting.html";

/// Renders `"Key" : value` pairs the way IMDS pretty-prints JSON (two-space indent).
fn imds_json(pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(
        64 + pairs
            .iter()
            .map(|(k, v)| k.len() + v.len() + 12)
            .sum::<usize>(),
    );
    out.push_str("{\n");
    for (i, (k, v)) in pairs.iter().enumerate() {
        out.push_str("  \"");
        out.push_str(k);
        out.push_str("\" : \"");
        out.push_str(v);
        out.push('"');
        if i + 1 < pairs.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push('}');
    out
}

fn identity_document(world: &World, instance: &Instance) -> String {
    let launch = instance.launch_time.iso_z();
    format!(
        "{{\n  \"accountId\" : \"{}\",\n  \"architecture\" : \"x86_64\",\n  \"availabilityZone\" : \"{}\",\n  \"billingProducts\" : null,\n  \"devpayProductCodes\" : null,\n  \"marketplaceProductCodes\" : null,\n  \"imageId\" : \"{}\",\n  \"instanceId\" : \"{}\",\n  \"instanceType\" : \"{}\",\n  \"kernelId\" : null,\n  \"pendingTime\" : \"{}\",\n  \"privateIp\" : \"{}\",\n  \"ramdiskId\" : null,\n  \"region\" : \"{}\",\n  \"version\" : \"2017-09-30\"\n}}",
        world.account(),
        AVAILABILITY_ZONE,
        instance.image_id,
        instance.instance_id,
        instance.instance_type,
        launch,
        instance.private_ip,
        crate::world::REGION,
    )
}

/// The `security-credentials/ROLE` body of a session, in IMDS's layout.
pub fn credentials_body(session: &crate::sts::Session, last_updated: Timestamp) -> String {
    credentials_body_rendered(session, &last_updated.iso_z(), &session.expiration.iso_z())
}

/// [`credentials_body`] with the two times already rendered (`…Z`).
pub(crate) fn credentials_body_rendered(
    session: &crate::sts::Session,
    last_updated: &str,
    expiration: &str,
) -> String {
    render_credentials(
        &session.access_key_id,
        &session.secret_access_key(),
        &session.session_token(),
        last_updated,
        expiration,
    )
}

/// The `security-credentials/ROLE` body.
fn render_credentials(
    access_key_id: &str,
    secret_access_key: &str,
    session_token: &str,
    last_updated: &str,
    expiration: &str,
) -> String {
    imds_json(&[
        ("Code", "Success"),
        ("LastUpdated", last_updated),
        ("Type", "AWS-HMAC"),
        ("AccessKeyId", access_key_id),
        ("SecretAccessKey", secret_access_key),
        ("Token", session_token),
        ("Expiration", expiration),
    ])
}

impl World {
    /// Answers one metadata-service request and records it as an [`ImdsEvent`].
    pub(crate) fn imds_request(
        &mut self,
        instance_id: &str,
        request: &HttpRequest,
    ) -> HttpResponse {
        let response = self.imds_answer(instance_id, request);
        self.events.push(Event::Imds(ImdsEvent {
            time: self.now(),
            command: self.log.len(),
            status: response.status,
            hops: request.hops,
            with_token: request.header(TOKEN_HEADER).is_some(),
        }));
        response
    }

    /// The instance and request of a metadata-service event (from the command log).
    pub fn imds_event_request(&self, event: &ImdsEvent) -> Option<(&str, &HttpRequest)> {
        self.log.imds(event.command)
    }

    fn imds_answer(&mut self, instance_id: &str, request: &HttpRequest) -> HttpResponse {
        let now = self.now();
        let Some(instance) = self.ec2.instances.get(instance_id) else {
            return HttpResponse::no_answer();
        };
        if instance.state != InstanceState::Running {
            return HttpResponse::no_answer();
        }
        let path = request.path.strip_prefix(ENDPOINT).unwrap_or(&request.path);
        // The query or fragment is ignored. Most paths have neither: `contains` of a byte is
        // a word-at-a-time scan.
        let bytes = path.as_bytes();
        let path = if bytes.contains(&b'?') || bytes.contains(&b'#') {
            let end = bytes
                .iter()
                .position(|&b| b == b'?' || b == b'#')
                .unwrap_or(bytes.len());
            path.get(..end).unwrap_or(path)
        } else {
            path
        };
        let disabled = instance.metadata_options.http_endpoint == "disabled";
        if request.method == "PUT" {
            if disabled {
                return HttpResponse::forbidden();
            }
            if path != "/latest/api/token" {
                return HttpResponse::method_not_allowed();
            }
            let ttl = request
                .header(TTL_HEADER)
                .and_then(|v| v.trim().parse::<u64>().ok());
            let Some(ttl) = ttl.filter(|t| (1..=MAX_TOKEN_TTL).contains(t)) else {
                return HttpResponse::bad_request();
            };
            if request.hops > instance.metadata_options.http_put_response_hop_limit {
                return HttpResponse::no_answer();
            }
            let token = self.ids.imds_token();
            let Some(instance) = self.ec2.instances.get_mut(instance_id) else {
                return HttpResponse::no_answer();
            };
            instance.metadata.tokens.retain(|_, expiry| *expiry > now);
            instance
                .metadata
                .tokens
                .insert(token.clone(), now.plus(ttl));
            let mut response = HttpResponse::text(200, token.into());
            response
                .headers
                .to_mut()
                .push((Cow::Borrowed(TTL_HEADER), Cow::Owned(ttl.to_string())));
            return response;
        }
        if request.method != "GET" {
            return HttpResponse::method_not_allowed();
        }
        if disabled {
            return HttpResponse::forbidden();
        }
        let v2 = match request.header(TOKEN_HEADER) {
            Some(token) => match instance.metadata.tokens.get(token) {
                Some(expiry) if *expiry > now => true,
                _ => return HttpResponse::unauthorized(),
            },
            None if instance.metadata_options.http_tokens == "required" => {
                return HttpResponse::unauthorized();
            }
            None => false,
        };
        match self.imds_body(instance, path, v2) {
            Some(body) => HttpResponse::text(200, body),
            None => HttpResponse::not_found(),
        }
    }

    /// The body of a GET, or `None` for 404.
    fn imds_body(&self, instance: &Instance, path: &str, v2: bool) -> Option<Body> {
        let iam = instance.metadata.iam.as_ref();
        let trimmed = path.trim_end_matches('/');
        if let Some(rest) = trimmed.strip_prefix("/latest/meta-data/iam") {
            let iam = iam?;
            return self.imds_iam(iam, rest, v2);
        }
        let body = match trimmed {
            "" => "latest".to_string(),
            "/latest" => "dynamic\nmeta-data".to_string(),
            "/latest/meta-data" => {
                let mut entries: Vec<&str> = META_DATA_LISTING_HEAD.to_vec();
                if iam.is_some() {
                    entries.push("iam/");
                }
                entries.extend_from_slice(META_DATA_LISTING_TAIL);
                entries.join("\n")
            }
            "/latest/meta-data/ami-id" => instance.image_id.clone(),
            "/latest/meta-data/ami-launch-index" => instance.ami_launch_index.to_string(),
            "/latest/meta-data/hostname" | "/latest/meta-data/local-hostname" => {
                instance.private_dns_name.clone()
            }
            "/latest/meta-data/instance-action" => "none".to_string(),
            "/latest/meta-data/instance-id" => instance.instance_id.clone(),
            "/latest/meta-data/instance-life-cycle" => "on-demand".to_string(),
            "/latest/meta-data/instance-type" => instance.instance_type.clone(),
            "/latest/meta-data/local-ipv4" => instance.private_ip.clone(),
            "/latest/meta-data/placement" => "availability-zone\nregion".to_string(),
            "/latest/meta-data/placement/availability-zone" => AVAILABILITY_ZONE.to_string(),
            "/latest/meta-data/placement/region" => crate::world::REGION.to_string(),
            "/latest/meta-data/reservation-id" => instance.reservation_id.clone(),
            "/latest/meta-data/security-groups" => "default".to_string(),
            "/latest/meta-data/services" => "domain\npartition".to_string(),
            "/latest/meta-data/services/domain" => "amazonaws.com".to_string(),
            "/latest/meta-data/services/partition" => "aws".to_string(),
            "/latest/dynamic" => "instance-identity/".to_string(),
            "/latest/dynamic/instance-identity" => "document".to_string(),
            "/latest/dynamic/instance-identity/document" => identity_document(self, instance),
            _ => return None,
        };
        // A leaf asked for with a trailing slash is not found.
        if path.ends_with('/')
            && !matches!(
                trimmed,
                "" | "/latest"
                    | "/latest/meta-data"
                    | "/latest/meta-data/placement"
                    | "/latest/meta-data/services"
                    | "/latest/dynamic"
                    | "/latest/dynamic/instance-identity"
            )
        {
            return None;
        }
        Some(body.into())
    }

    fn imds_iam(&self, iam: &IamSnapshot, rest: &str, v2: bool) -> Option<Body> {
        // The hot path first: an SDK polling its credentials gets the body of this refresh.
        if let Some(name) = rest.strip_prefix("/security-credentials/") {
            return match &iam.delivery {
                IamDelivery::Credentials {
                    role_name,
                    v1_body,
                    v2_body,
                    ..
                } if role_name == name => Some(if v2 { v2_body.body() } else { v1_body.clone() }),
                _ => self.imds_iam_text(iam, rest).map(Body::from),
            };
        }
        self.imds_iam_text(iam, rest).map(Body::from)
    }

    /// The other `iam/` bodies (rendered when read).
    fn imds_iam_text(&self, iam: &IamSnapshot, rest: &str) -> Option<String> {
        // Rendered only for the bodies that show it (not on the hot credentials read).
        let updated = || iam.last_updated.iso_z();
        match rest {
            "" => Some(match iam.delivery {
                IamDelivery::ProfileNotFound | IamDelivery::NoRole => "info".to_string(),
                _ => "info\nsecurity-credentials/".to_string(),
            }),
            "/info" => Some(match &iam.delivery {
                IamDelivery::ProfileNotFound => imds_json(&[
                    ("Code", "InstanceProfileNotFound"),
                    (
                        "Message",
                        &format!(
                            "Instance Profile with Id {} cannot be found.  Please see documentation at {DOCS}.",
                            iam.profile_id
                        ),
                    ),
                    ("LastUpdated", &updated()),
                ]),
                // Approximation: AWS documents only the message's start.
                IamDelivery::NoRole => imds_json(&[
                    ("Code", "InstanceProfileNotFound"),
                    (
                        "Message",
                        &format!(
                            "Instance Profile does not contain a role.  Please see documentation at {DOCS}."
                        ),
                    ),
                    ("LastUpdated", &updated()),
                ]),
                _ => imds_json(&[
                    ("Code", "Success"),
                    ("LastUpdated", &updated()),
                    ("InstanceProfileArn", &iam.profile_arn),
                    ("InstanceProfileId", &iam.profile_id),
                ]),
            }),
            "/security-credentials" => match &iam.delivery {
                IamDelivery::Credentials { role_name, .. }
                | IamDelivery::AssumeRoleUnauthorized { role_name } => Some(role_name.clone()),
                IamDelivery::NoRole | IamDelivery::ProfileNotFound => None,
            },
            other => {
                let name = other.strip_prefix("/security-credentials/")?;
                match &iam.delivery {
                    IamDelivery::AssumeRoleUnauthorized { role_name } if role_name == name => {
                        Some(imds_json(&[
                            ("Code", "AssumeRoleUnauthorizedAccess"),
                            (
                                "Message",
                                &format!(
                                    "EC2 cannot assume the role {role_name}.  Please see documentation at {DOCS}."
                                ),
                            ),
                            ("LastUpdated", &updated()),
                        ]))
                    }
                    _ => None,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imds_json_layout_is_key_space_colon_space_with_two_space_indent() {
        assert_eq!(
            imds_json(&[("Code", "Success"), ("Type", "AWS-HMAC")]),
            "{\n  \"Code\" : \"Success\",\n  \"Type\" : \"AWS-HMAC\"\n}"
        );
    }

    #[test]
    fn error_bodies_are_html_with_the_status_title() {
        let r = HttpResponse::not_found();
        assert_eq!(r.status, 404);
        assert!(r.body.contains("<title>404 - Not Found</title>"));
        assert!(r.body.contains("<h1>404 - Not Found</h1>"));
        assert_eq!(HttpResponse::unauthorized().status, 401);
        assert_eq!(HttpResponse::no_answer().status, 0);
    }

    #[test]
    fn headers_are_case_insensitive() {
        let r = HttpRequest::get("/").with_header("x-AWS-ec2-metadata-token", "t");
        assert_eq!(r.header(TOKEN_HEADER), Some("t"));
        assert_eq!(r.header(TTL_HEADER), None);
    }
}
