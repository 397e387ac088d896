//! Source document 003: an instance profile holds one role; a role may sit in several
//! profiles; deleting goes in a set order.

use super::WRITE_EC2_TRUST;
use crate::check::{Check, From, Test, Who};
use crate::model::{Action, On, Scenario, Step};

/// The scenario.
pub(crate) static SCENARIO: Scenario = Scenario {
    id: "one-role-per-profile",
    title: "One role per instance profile",
    summary: "A second role does not fit in an instance profile (a quota that cannot be \
              raised), one role fits in two profiles, and things must be deleted in the right \
              order.",
    sources: &[
        "003: What is the difference between IAM role and instance profile?",
        "000: What is an Instance Profile?",
    ],
    seed: 0,
    steps: &[
        Step {
            title: "Two roles, one profile",
            narration: "Two roles that EC2 may assume, and a profile called shared holding the \
                        first.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: WRITE_EC2_TRUST,
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-role --role-name first --assume-role-policy-document file://trust.json --query Role.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-role --role-name second --assume-role-policy-document file://trust.json --query Role.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-instance-profile --instance-profile-name shared --query InstanceProfile.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam add-role-to-instance-profile --instance-profile-name shared --role-name first",
                },
            ],
            check: Check {
                text: "profile shared holds role first, and role second exists",
                test: Test::All(&[
                    Test::ProfileRole {
                        profile: "shared",
                        role: "first",
                    },
                    Test::Role("second"),
                ]),
            },
            hints: &["create-role twice, create-instance-profile, add-role-to-instance-profile."],
        },
        Step {
            title: "A second role is refused",
            narration: "The profile is full. The quota of roles per instance profile is one, and \
                        it cannot be raised.",
            actions: &[Action::Shell {
                on: On::Laptop,
                line: "aws iam add-role-to-instance-profile --instance-profile-name shared --role-name second",
            }],
            check: Check {
                text: "adding the second role failed with LimitExceeded; shared still holds first",
                test: Test::All(&[
                    Test::Call {
                        operation: "AddRoleToInstanceProfile",
                        error: Some("LimitExceeded"),
                        who: Who::Any,
                        from: From::Anywhere,
                    },
                    Test::ProfileRole {
                        profile: "shared",
                        role: "first",
                    },
                ]),
            },
            hints: &["Try add-role-to-instance-profile with the second role."],
        },
        Step {
            title: "One role, two profiles",
            narration: "The other way round is fine: the same role can sit in several profiles.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam create-instance-profile --instance-profile-name other --query InstanceProfile.Arn --output text",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam add-role-to-instance-profile --instance-profile-name other --role-name first",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam list-instance-profiles-for-role --role-name first --query 'InstanceProfiles[].InstanceProfileName' --output text",
                },
            ],
            check: Check {
                text: "role first sits in both shared and other",
                test: Test::All(&[
                    Test::ProfileRole {
                        profile: "shared",
                        role: "first",
                    },
                    Test::ProfileRole {
                        profile: "other",
                        role: "first",
                    },
                ]),
            },
            hints: &["A new profile, and add-role-to-instance-profile with role first."],
        },
        Step {
            title: "Deleting in the wrong order",
            narration: "IAM will not delete a role that is still in a profile, nor a profile that \
                        still holds a role. Both answer DeleteConflict.",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam delete-role --role-name first",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam delete-instance-profile --instance-profile-name other",
                },
            ],
            check: Check {
                text: "DeleteRole and DeleteInstanceProfile failed with DeleteConflict; everything is still there",
                test: Test::All(&[
                    Test::Call {
                        operation: "DeleteRole",
                        error: Some("DeleteConflict"),
                        who: Who::Any,
                        from: From::Anywhere,
                    },
                    Test::Call {
                        operation: "DeleteInstanceProfile",
                        error: Some("DeleteConflict"),
                        who: Who::Any,
                        from: From::Anywhere,
                    },
                    Test::Role("first"),
                    Test::Profile("other"),
                ]),
            },
            hints: &["Try delete-role first."],
        },
        Step {
            title: "The right order",
            narration: "Take the role out of every profile, delete the profiles, then the role. \
                        (Attached and inline policies would have to go first too.)",
            actions: &[
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam remove-role-from-instance-profile --instance-profile-name shared --role-name first",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam remove-role-from-instance-profile --instance-profile-name other --role-name first",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam delete-instance-profile --instance-profile-name shared",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam delete-instance-profile --instance-profile-name other",
                },
                Action::Shell {
                    on: On::Laptop,
                    line: "aws iam delete-role --role-name first",
                },
            ],
            check: Check {
                text: "role first and profiles shared and other are gone",
                test: Test::All(&[
                    Test::Not(&Test::Role("first")),
                    Test::Not(&Test::Profile("shared")),
                    Test::Not(&Test::Profile("other")),
                ]),
            },
            hints: &["remove-role-from-instance-profile, delete-instance-profile, delete-role."],
        },
    ],
};
