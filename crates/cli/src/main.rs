//! The native `iamsim` command: one subcommand per module, dispatched by the
//! `match` in [`main`]. A new subcommand is a new module with a
//! `pub fn main(args: &[String]) -> ExitCode`, one arm below, and one line in
//! [`USAGE`].

use std::process::ExitCode;

mod eval;
mod run;
mod scenario;

/// `iamsim help`.
const USAGE: &str = "\
iamsim: a teaching model of AWS IAM, STS, EC2, the instance metadata service and S3

Usage: iamsim <command> [options]

Commands:
  eval [FILE|-]   Evaluate IAM policy requests, one JSON object per line
                  (JSON Lines), and print one JSON decision per line.
                  Run `iamsim eval --help` for the line format and options.
  run [SCRIPT|-]  Run a shell script in the simulated terminal of a fresh
                  world and print the transcript (--seed N).
  repl            An interactive simulated terminal (--seed N).
  scenario ID     Play a guided scenario and print its transcript with each
                  check's result (--list lists them).
  help            Print this help.

Options:
  -h, --help      Print this help.
  -V, --version   Print the version.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    match command.as_str() {
        "eval" => eval::main(rest),
        "run" => run::main(rest),
        "repl" => run::repl(rest),
        "scenario" => scenario::main(rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        "-V" | "--version" => {
            println!("iamsim {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("iamsim: unknown command '{other}'\n");
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
