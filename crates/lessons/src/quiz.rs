//! The quiz: questions from the source documents' exam tips and interview question,
//! each answer explained, each with a "show me" link to the scenario step that proves it.

/// One multiple-choice question.
#[derive(Debug)]
pub struct Question {
    /// The question.
    pub prompt: &'static str,
    /// The choices.
    pub choices: &'static [&'static str],
    /// Index of the right choice.
    pub answer: usize,
    /// Why that is the answer.
    pub explanation: &'static str,
    /// Where the question comes from.
    pub source: &'static str,
    /// The scenario that shows it.
    pub scenario: &'static str,
    /// The step (1-based) whose result proves the answer.
    pub step: usize,
}

impl Question {
    /// The app's link to the proving step: `#/scenario/<id>/step/<n>`.
    pub fn show_me(&self) -> String {
        format!("#/scenario/{}/step/{}", self.scenario, self.step)
    }
}

/// The questions, in order.
pub static QUESTIONS: &[Question] = &[
    Question {
        prompt: "What is the difference between an IAM role and an instance profile?",
        choices: &[
            "They are two names for the same thing.",
            "The role holds the permissions; the instance profile is the container EC2 attaches, holding that role.",
            "The instance profile holds the permissions; the role only names the instance.",
            "A role is for users, an instance profile is for services.",
        ],
        answer: 1,
        explanation: "Permissions live in the role's policies. EC2 cannot take a role directly; it \
                      takes an instance profile, and the profile carries exactly one role. \
                      describe-instances shows the profile's ARN, not the role's.",
        source: "000 (common interview question), 002, 003",
        scenario: "role-is-not-a-profile",
        step: 4,
    },
    Question {
        prompt: "With the CLI you created only a role, then ran run-instances with --iam-instance-profile Name=<the role's name>. What happens?",
        choices: &[
            "The instance launches with the role.",
            "EC2 creates the missing instance profile for you.",
            "InvalidParameterValue: Invalid IAM Instance Profile name.",
            "AccessDenied on iam:CreateInstanceProfile.",
        ],
        answer: 2,
        explanation: "EC2 looks for an instance profile with that name. The CLI, CloudFormation and \
                      Terraform create only what you ask for, so there is none, and the launch \
                      fails before any instance exists.",
        source: "002",
        scenario: "role-is-not-a-profile",
        step: 2,
    },
    Question {
        prompt: "You create a role for EC2 in the IAM console. What else appears?",
        choices: &[
            "Nothing else.",
            "An access key for the role.",
            "An instance profile with the same name, holding the role.",
            "An EC2 instance with the role attached.",
        ],
        answer: 2,
        explanation: "The console quietly creates a same-name instance profile, which is why the \
                      EC2 console's \"IAM role\" list is really a list of instance profiles.",
        source: "001, 002, 003, 004",
        scenario: "s3-upload-experiment",
        step: 4,
    },
    Question {
        prompt: "How many roles can one instance profile hold?",
        choices: &[
            "One, and the quota cannot be raised.",
            "One by default; you can ask for more.",
            "Up to ten.",
            "Any number.",
        ],
        answer: 0,
        explanation: "Adding a second role answers LimitExceeded: Cannot exceed quota for \
                      InstanceSessionsPerInstanceProfile: 1.",
        source: "000, 003",
        scenario: "one-role-per-profile",
        step: 2,
    },
    Question {
        prompt: "Can the same role sit in more than one instance profile?",
        choices: &[
            "No, a role belongs to one profile.",
            "Yes.",
            "Only if the profiles share its name.",
            "Only across accounts.",
        ],
        answer: 1,
        explanation: "The limit is one role per profile, not one profile per role.",
        source: "003",
        scenario: "one-role-per-profile",
        step: 3,
    },
    Question {
        prompt: "Where does an application on the instance find the role's credentials?",
        choices: &[
            "In ~/.aws/credentials, written at launch.",
            "In the instance metadata, under iam/security-credentials/<role-name>.",
            "In environment variables set by EC2.",
            "It must call sts:AssumeRole itself with a stored key.",
        ],
        answer: 1,
        explanation: "The metadata service at 169.254.169.254 serves temporary keys for the role; \
                      nothing is written to disk.",
        source: "000, 004 (exam powerup)",
        scenario: "credentials-inside",
        step: 3,
    },
    Question {
        prompt: "The credentials in the metadata are temporary. What must the application do to keep working?",
        choices: &[
            "Restart the instance before they expire.",
            "Nothing special: keep reading the metadata service (SDKs and the CLI do); fresh credentials appear before the old expire.",
            "Call sts:GetSessionToken every hour.",
            "Ask an administrator to rotate them.",
        ],
        answer: 1,
        explanation: "EC2 and STS renew them ahead of expiry. Whoever keeps reading the metadata \
                      always holds valid keys; a copy taken once does expire.",
        source: "001, 004",
        scenario: "credentials-inside",
        step: 7,
    },
    Question {
        prompt: "Exam keywords \"securely access services from EC2\". What is the answer?",
        choices: &[
            "Store an IAM user's access keys on the instance.",
            "Put the keys in the AMI.",
            "An IAM role attached through an instance profile.",
            "Use the root user's keys.",
        ],
        answer: 2,
        explanation: "Roles give temporary, automatically rotated credentials; no keys to store, \
                      leak or rotate by hand.",
        source: "001 (exam tips, CLF-C02)",
        scenario: "keys-vs-profile",
        step: 5,
    },
    Question {
        prompt: "Long-term access keys copied from an instance's disk are used three days later. What happens?",
        choices: &[
            "They still work.",
            "ExpiredToken.",
            "They work only from the instance.",
            "They were rotated automatically.",
        ],
        answer: 0,
        explanation: "User access keys have no expiry. They work until someone deletes or \
                      deactivates them.",
        source: "000 (the security table)",
        scenario: "keys-vs-profile",
        step: 3,
    },
    Question {
        prompt: "An instance has an instance profile, but the CLI on it says \"Unable to locate credentials\". What is a likely cause?",
        choices: &[
            "The role's trust policy does not let ec2.amazonaws.com assume it.",
            "The bucket does not exist.",
            "The instance type is too small.",
            "The role has too many policies.",
        ],
        answer: 0,
        explanation: "The metadata service then answers AssumeRoleUnauthorizedAccess instead of \
                      keys, and the CLI just reports that it found no credentials.",
        source: "004",
        scenario: "wrong-trust-principal",
        step: 3,
    },
    Question {
        prompt: "Besides ec2:RunInstances, what does a user need to launch an instance with an instance profile?",
        choices: &[
            "iam:CreateRole",
            "iam:PassRole on the role",
            "sts:AssumeRole on the role",
            "iam:GetInstanceProfile only",
        ],
        answer: 1,
        explanation: "Launching with a profile passes its role to EC2; iam:PassRole (best limited \
                      with iam:PassedToService = ec2.amazonaws.com) allows it.",
        source: "001 (\"Pass a role to an instance\")",
        scenario: "pass-role",
        step: 3,
    },
    Question {
        prompt: "How does requiring IMDSv2 stop an SSRF attack on the metadata service?",
        choices: &[
            "It encrypts the credentials.",
            "Every request needs a token, and getting one takes a PUT with a TTL header the attacker cannot make the application send.",
            "It moves the metadata service to another address.",
            "It blocks the role's permissions.",
        ],
        answer: 1,
        explanation: "A typical SSRF controls only the URL of a GET. Without a token the metadata \
                      service answers 401.",
        source: "000 (IMDSv2)",
        scenario: "imds-ssrf",
        step: 5,
    },
    Question {
        prompt: "Which AWS managed policy lets Systems Manager manage an instance?",
        choices: &[
            "AmazonS3FullAccess",
            "AmazonSSMManagedInstanceCore",
            "CloudWatchAgentServerPolicy",
            "AdministratorAccess is required",
        ],
        answer: 1,
        explanation: "Without it the agent's calls are denied and the instance never becomes a \
                      managed node.",
        source: "000 (Terraform example)",
        scenario: "ssm-managed-instance",
        step: 4,
    },
    Question {
        prompt: "Do CLI tools on the instance need configuring to use the role?",
        choices: &[
            "Yes, run aws configure with the role's ARN.",
            "No, they find the role's credentials automatically.",
            "Only the SDKs do; the CLI does not.",
            "Yes, export AWS_ROLE_ARN.",
        ],
        answer: 1,
        explanation: "The credential chain ends with the instance metadata; the same aws s3 cp \
                      that failed works once the profile is attached.",
        source: "004 (exam powerup)",
        scenario: "s3-upload-experiment",
        step: 6,
    },
    Question {
        prompt: "What do you give a Lambda function so it has permissions?",
        choices: &[
            "An instance profile.",
            "The role's ARN.",
            "An access key.",
            "Nothing; Lambda has full access.",
        ],
        answer: 1,
        explanation: "Lambda (like CodePipeline) takes the role itself, trusted by \
                      lambda.amazonaws.com. Instance profiles are EC2's alone.",
        source: "002",
        scenario: "role-is-not-a-profile",
        step: 5,
    },
    Question {
        prompt: "In which order do you delete a role that sits in an instance profile?",
        choices: &[
            "Delete the role; the profile goes with it.",
            "Delete the profile; the role goes with it.",
            "Remove the role from the profile, delete the profile, then delete the role.",
            "Any order works.",
        ],
        answer: 2,
        explanation: "Either delete in the wrong order answers DeleteConflict.",
        source: "003",
        scenario: "one-role-per-profile",
        step: 5,
    },
];
