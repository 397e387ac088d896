//! Short help pages generated from the command tables (the real CLI opens a man
//! page; these list the same names).

use super::spec::{self, Operation, Service};

/// `aws help`.
pub fn top() -> String {
    let mut text = String::from(
        "AWS()\n\nNAME\n       aws -\n\nDESCRIPTION\n       The  AWS  Command  Line  Interface is a unified tool to manage your AWS\n       services (simulated here by iamsim).\n\nSYNOPSIS\n          aws [options] <command> <subcommand> [parameters]\n\nAVAILABLE SERVICES\n",
    );
    for command in spec::commands() {
        text.push_str(&format!("       o {command}\n\n"));
    }
    text.push_str("GLOBAL OPTIONS\n       --output (json | text | table)\n       --query (JMESPath)\n       --profile, --region, --no-cli-pager, --debug\n");
    text
}

/// `aws SERVICE help`.
pub fn service(service: &Service) -> String {
    let mut text = format!(
        "{}()\n\nNAME\n       {} -\n\nAVAILABLE COMMANDS\n",
        service.command.to_ascii_uppercase(),
        service.command
    );
    for op in service.parsed() {
        text.push_str(&format!("       o {}\n\n", op.name));
    }
    text
}

/// `aws SERVICE OPERATION help`.
pub fn operation(service: &Service, op: &Operation) -> String {
    let mut text = format!(
        "{}()\n\nNAME\n       {} -\n\nDESCRIPTION\n       Calls the {} API of {}.\n\nSYNOPSIS\n            {}\n",
        op.name.to_ascii_uppercase(),
        op.name,
        op.api,
        service.endpoint,
        op.name
    );
    for p in &op.params {
        let shape = if p.ty == spec::Ty::Bool {
            format!("[--{0} | --no-{0}]", p.option)
        } else {
            format!("--{} <value>", p.option)
        };
        if p.required {
            text.push_str(&format!("          {shape}\n"));
        } else {
            text.push_str(&format!("          [{shape}]\n"));
        }
    }
    text.push_str("\nOPTIONS\n");
    for p in &op.params {
        text.push_str(&format!(
            "       --{} ({})\n          {}{}\n\n",
            p.option,
            p.ty.describe(),
            p.member,
            if p.required { " (required)" } else { "" }
        ));
    }
    text
}

/// `aws s3 help`.
pub fn s3() -> String {
    "S3()\n\nNAME\n       s3 -\n\nAVAILABLE COMMANDS\n       o cp\n\n       o ls\n\n       o mb\n\n       o mv\n\n       o rb\n\n       o rm\n\n".to_string()
}
