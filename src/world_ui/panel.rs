//! The panels of the world page and their URL fragments (`#/iam`, `#/ec2`, `#/s3`,
//! `#/terminal`, `#/events`). `#/` shows the terminal.

/// One tab of the world page's right-hand side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The shell, a tab per host.
    Terminal,
    /// The IAM console.
    Iam,
    /// The EC2 console.
    Ec2,
    /// The S3 console.
    S3,
    /// The CloudTrail-like event log.
    Events,
}

impl Panel {
    /// Every panel, in tab order.
    pub const ALL: [Panel; 5] = [
        Panel::Terminal,
        Panel::Iam,
        Panel::Ec2,
        Panel::S3,
        Panel::Events,
    ];

    /// The panel a fragment names, if any (`#/` and `` give the terminal).
    pub fn from_hash(hash: &str) -> Option<Panel> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.split('?').next().unwrap_or_default();
        match path.trim_end_matches('/') {
            "" | "/terminal" => Some(Panel::Terminal),
            "/iam" => Some(Panel::Iam),
            "/ec2" => Some(Panel::Ec2),
            "/s3" => Some(Panel::S3),
            "/events" => Some(Panel::Events),
            _ => None,
        }
    }

    /// The fragment that opens this panel.
    pub fn href(self) -> &'static str {
        match self {
            Panel::Terminal => "#/terminal",
            Panel::Iam => "#/iam",
            Panel::Ec2 => "#/ec2",
            Panel::S3 => "#/s3",
            Panel::Events => "#/events",
        }
    }

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            Panel::Terminal => "Terminal",
            Panel::Iam => "IAM",
            Panel::Ec2 => "EC2",
            Panel::S3 => "S3",
            Panel::Events => "Event log",
        }
    }

    /// A stable id fragment for test ids and element ids.
    pub fn slug(self) -> &'static str {
        match self {
            Panel::Terminal => "terminal",
            Panel::Iam => "iam",
            Panel::Ec2 => "ec2",
            Panel::S3 => "s3",
            Panel::Events => "events",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_round_trip() {
        for p in Panel::ALL {
            assert_eq!(Panel::from_hash(p.href()), Some(p));
            assert_eq!(Panel::from_hash(&format!("{}/", p.href())), Some(p));
        }
        assert_eq!(Panel::from_hash(""), Some(Panel::Terminal));
        assert_eq!(Panel::from_hash("#/"), Some(Panel::Terminal));
        assert_eq!(Panel::from_hash("#/iam?x=1"), Some(Panel::Iam));
        assert_eq!(Panel::from_hash("#/playground"), None);
    }
}
