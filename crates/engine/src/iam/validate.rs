//! IAM's input rules for names, paths and descriptions, with AWS's `ValidationError` text.

use crate::error::AwsError;

/// The pattern IAM names must satisfy, as AWS prints it.
pub const NAME_PATTERN: &str = "[\\w+=,.@-]+";

/// The pattern IAM paths must satisfy, as AWS prints it.
pub const PATH_PATTERN: &str = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";

/// Whether `c` is in `[\w+=,.@-]`.
pub fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_+=,.@-".contains(c)
}

/// Checks a role, profile, policy or user name: 1..=`max` characters of `[\w+=,.@-]`.
pub fn name(value: &str, member: &str, max: usize) -> Result<(), AwsError> {
    let len = value.chars().count();
    if len == 0 {
        return Err(AwsError::too_short(value, member, 1));
    }
    if len > max {
        return Err(AwsError::too_long(value, member, max));
    }
    if !value.chars().all(is_name_char) {
        return Err(AwsError::pattern(value, member, NAME_PATTERN));
    }
    Ok(())
}

/// Checks a path: `/` or `/…/` with printable ASCII, at most 512 characters.
pub fn path(value: &str, member: &str) -> Result<(), AwsError> {
    let len = value.chars().count();
    if len == 0 {
        return Err(AwsError::too_short(value, member, 1));
    }
    if len > 512 {
        return Err(AwsError::too_long(value, member, 512));
    }
    let ok = value == "/"
        || (value.len() >= 3
            && value.starts_with('/')
            && value.ends_with('/')
            && value.chars().all(|c| ('\u{21}'..='\u{7e}').contains(&c)));
    if !ok {
        return Err(AwsError::pattern(value, member, PATH_PATTERN));
    }
    Ok(())
}

/// Checks a role description: at most 1000 characters.
pub fn description(value: &str) -> Result<(), AwsError> {
    if value.chars().count() > 1000 {
        return Err(AwsError::too_long(value, "description", 1000));
    }
    Ok(())
}

/// Checks a role's MaxSessionDuration: 3600–43200.
pub fn max_session_duration(value: i64) -> Result<u32, AwsError> {
    if value < 3600 {
        return Err(AwsError::too_small(value, "maxSessionDuration", 3600));
    }
    if value > 43_200 {
        return Err(AwsError::too_large(value, "maxSessionDuration", 43_200));
    }
    u32::try_from(value).map_err(|_| AwsError::too_large(value, "maxSessionDuration", 43_200))
}

/// The characters a policy counts against its size quota (white space is not counted).
pub fn policy_size(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Checks that `arn` looks like an ARN (`arn:…:…:…:…:…`): IAM's `InvalidInput` otherwise.
pub fn arn(value: &str) -> Result<(), AwsError> {
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    if parts.len() == 6 && parts.first() == Some(&"arn") {
        Ok(())
    } else {
        Err(AwsError::InvalidInput(format!("ARN {value} is not valid.")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_name_pattern_message_is_verbatim() {
        let e = name("my role", "roleName", 64).unwrap_err();
        assert_eq!(e.code(), "ValidationError");
        assert_eq!(
            e.message(),
            "1 validation error detected: Value 'my role' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
        );
    }

    #[test]
    fn lengths() {
        assert!(name(&"a".repeat(64), "roleName", 64).is_ok());
        assert_eq!(
            name(&"a".repeat(65), "roleName", 64).unwrap_err().message(),
            format!(
                "1 validation error detected: Value '{}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64",
                "a".repeat(65)
            )
        );
        assert!(name("", "roleName", 64).is_err());
        assert!(name("a+b=c,d.e@f-g_h", "roleName", 64).is_ok());
    }

    #[test]
    fn paths() {
        assert!(path("/", "path").is_ok());
        assert!(path("/a/b/", "path").is_ok());
        for bad in ["a", "/a", "a/", "//x y/"] {
            assert_eq!(
                path(bad, "path").unwrap_err().code(),
                "ValidationError",
                "{bad}"
            );
        }
    }

    #[test]
    fn durations_and_arns() {
        assert_eq!(max_session_duration(3600), Ok(3600));
        assert_eq!(
            max_session_duration(100).unwrap_err().message(),
            "1 validation error detected: Value '100' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600"
        );
        assert!(max_session_duration(43_201).is_err());
        assert!(arn("arn:aws:iam::aws:policy/AmazonS3FullAccess").is_ok());
        assert_eq!(
            arn("AmazonS3FullAccess").unwrap_err().message(),
            "ARN AmazonS3FullAccess is not valid."
        );
        assert_eq!(policy_size("{ \"a\" : 1 }"), 7);
    }
}
