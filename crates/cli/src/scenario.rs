//! `iamsim scenario <id>`: plays a guided scenario on a fresh world and prints its
//! transcript with each check's result; `iamsim scenario --list` lists them.

use std::process::ExitCode;

use iamsim_lessons::{Player, SCENARIOS, scenario};

/// `iamsim scenario --help`.
const USAGE: &str = "\
Usage: iamsim scenario <ID>
       iamsim scenario --list

Plays scenario ID from a fresh world and prints its transcript: a header per
step, each command after its prompt and what it printed, and after each step
`✓ check: …` (met) or `✗ check: …` (not met). Exit status 1 when a check is
not met, 2 for an unknown scenario.
";

/// Runs `iamsim scenario`.
pub fn main(args: &[String]) -> ExitCode {
    match args {
        [] => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
        [flag] if flag == "-h" || flag == "--help" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        [flag] if flag == "--list" || flag == "-l" => {
            let width = SCENARIOS.iter().map(|s| s.id.len()).max().unwrap_or(0);
            for s in SCENARIOS {
                println!("{:width$}  {} ({} steps)", s.id, s.title, s.steps.len());
            }
            ExitCode::SUCCESS
        }
        [id] => match scenario(id) {
            Some(found) => {
                let player = Player::at(found, found.steps.len());
                println!("# {}", found.title);
                print!("{}", player.transcript());
                let unmet = player.records().iter().filter(|r| !r.result.met).count();
                if unmet == 0 {
                    println!("\nAll {} checks met.", player.records().len());
                    ExitCode::SUCCESS
                } else {
                    println!("\n{unmet} of {} checks not met.", player.records().len());
                    ExitCode::from(1)
                }
            }
            None => {
                eprintln!("iamsim: unknown scenario '{id}'; `iamsim scenario --list` lists them");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("iamsim: scenario takes one id\n");
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
