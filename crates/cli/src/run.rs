//! `iamsim run [SCRIPT|-] [--seed N]`: runs a shell script on a fresh world and
//! prints a transcript; `iamsim repl [--seed N]`: an interactive terminal.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use iamsim_engine::world::World;
use iamsim_shell::Shell;
use iamsim_shell::parse::needs_more;
use iamsim_shell::script::transcript;

/// `iamsim run --help`.
const RUN_USAGE: &str = "\
Usage: iamsim run [SCRIPT|-] [--seed N]

Runs SCRIPT (or standard input) line by line in the simulated terminal of a
fresh world, and prints a transcript: each command after its prompt, then what
it printed (standard output and standard error, in order). A line ending in a
backslash continues on the next line. Exit status 0 when the script ran.
";

/// `iamsim repl --help`.
const REPL_USAGE: &str = "\
Usage: iamsim repl [--seed N]

An interactive simulated terminal on a fresh world: the laptop, `ssh i-…` to
instances, the AWS CLI, curl. `exit` on the laptop (or end of input) quits.
";

/// Options shared by `run` and `repl`.
struct Options {
    seed: u64,
    script: Option<String>,
}

fn parse(args: &[String], usage: &str) -> Result<Options, ExitCode> {
    let mut options = Options {
        seed: 0,
        script: None,
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{usage}");
                return Err(ExitCode::SUCCESS);
            }
            "--seed" => match iter.next().and_then(|s| s.parse().ok()) {
                Some(seed) => options.seed = seed,
                None => {
                    eprintln!("iamsim: --seed needs a number\n");
                    eprint!("{usage}");
                    return Err(ExitCode::from(2));
                }
            },
            other if options.script.is_none() => options.script = Some(other.to_string()),
            other => {
                eprintln!("iamsim: unexpected argument '{other}'\n");
                eprint!("{usage}");
                return Err(ExitCode::from(2));
            }
        }
    }
    Ok(options)
}

/// `iamsim run`.
pub fn main(args: &[String]) -> ExitCode {
    let options = match parse(args, RUN_USAGE) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let script = match options.script.as_deref() {
        None | Some("-") => {
            let mut text = String::new();
            for line in std::io::stdin().lock().lines() {
                match line {
                    Ok(line) => {
                        text.push_str(&line);
                        text.push('\n');
                    }
                    Err(e) => {
                        eprintln!("iamsim: cannot read standard input: {e}");
                        return ExitCode::from(1);
                    }
                }
            }
            text
        }
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("iamsim: cannot read {path}: {e}");
                return ExitCode::from(1);
            }
        },
    };
    print!("{}", transcript(&script, options.seed));
    ExitCode::SUCCESS
}

/// `iamsim repl`.
pub fn repl(args: &[String]) -> ExitCode {
    let options = match parse(args, REPL_USAGE) {
        Ok(o) => o,
        Err(code) => return code,
    };
    if let Some(extra) = options.script {
        eprintln!("iamsim: unexpected argument '{extra}'\n");
        eprint!("{REPL_USAGE}");
        return ExitCode::from(2);
    }
    let mut world = World::new(options.seed);
    let mut shell = Shell::new(&world);
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut pending = String::new();
    loop {
        print!(
            "{}",
            if pending.is_empty() {
                shell.prompt()
            } else {
                "> ".to_string()
            }
        );
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) => {
                println!();
                return ExitCode::SUCCESS;
            }
            Ok(_) => {}
            Err(e) => {
                eprintln!("iamsim: cannot read standard input: {e}");
                return ExitCode::from(1);
            }
        }
        let line = line.trim_end_matches(['\n', '\r']);
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            continue;
        }
        if !pending.is_empty() && !pending.ends_with(' ') && needs_more(&pending) {
            pending.push('\n');
        }
        pending.push_str(line);
        if needs_more(&pending) {
            continue;
        }
        let full = std::mem::take(&mut pending);
        if matches!(full.trim(), "exit" | "logout") && shell.current_host() == "laptop" {
            return ExitCode::SUCCESS;
        }
        let output = shell.run_line(&mut world, &full);
        if output.clear {
            print!("\x1b[H\x1b[2J");
        }
        // Standard output and error interleaved, as a terminal shows them.
        print!("{}", output.combined);
        if !output.combined.is_empty() && !output.combined.ends_with('\n') {
            println!();
        }
        let _ = std::io::stdout().flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_take_a_script_and_a_seed() {
        let o = parse(&args(&["demo.sh", "--seed", "7"]), RUN_USAGE).unwrap();
        assert_eq!((o.script.as_deref(), o.seed), (Some("demo.sh"), 7));
        let o = parse(&args(&["-"]), RUN_USAGE).unwrap();
        assert_eq!((o.script.as_deref(), o.seed), (Some("-"), 0));
        assert!(parse(&args(&["--seed", "x"]), RUN_USAGE).is_err());
        assert!(parse(&args(&["a.sh", "b.sh"]), RUN_USAGE).is_err());
    }

    #[test]
    fn transcripts_show_prompt_command_and_output() {
        assert_eq!(
            transcript("echo hi\n\nfoo\n", 0),
            "[admin@laptop ~]$ echo hi\nhi\n[admin@laptop ~]$ foo\nbash: foo: command not found\n"
        );
    }
}
