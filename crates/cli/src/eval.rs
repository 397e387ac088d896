//! `iamsim eval [FILE|-]`: evaluates IAM policy requests given as JSON Lines
//! and prints one JSON decision per request, in input order. The line format
//! and the evaluation are `iamsim_engine::evalline`'s, shared with the tests,
//! the benchmark, the fuzz targets and the browser.

use std::hint::black_box;
use std::io::{BufRead, BufWriter, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use iamsim_engine::evalline::{error_json_line, evaluate_line, parse_request_line};

const USAGE: &str = "\
Usage: iamsim eval [--explain] [--repeat N] [FILE|-]

Reads JSON Lines from FILE (or standard input when FILE is - or absent): one
request per line, such as

  {\"id\": \"t1\",
   \"identity_policies\": [{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",
                          \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}],
   \"resource_policy\": null, \"permission_boundary\": null, \"scps\": [],
   \"session_policy\": null,
   \"principal\": \"arn:aws:iam::123456789012:user/alice\",
   \"action\": \"s3:PutObject\", \"resource\": \"arn:aws:s3:::bucket/key\",
   \"context\": {\"aws:SourceIp\": \"203.0.113.5\", \"aws:TagKeys\": [\"a\", \"b\"]}}

(written here on several lines; in the file each request is on one line).
Only principal, action and resource are required. A policy is a JSON object,
or a JSON string holding the document's text. Other fields:
resource_is_trust_policy (true/false; default true for sts:AssumeRole* and
sts:TagSession when a resource_policy is given) and resource_account (the
resource owner; default: the account in the resource ARN, else
aws:ResourceAccount in the context, else the principal's account). Blank
lines are skipped.

Prints one line per request, in input order:

  {\"id\":\"t1\",\"decision\":\"ImplicitDeny\",\"reason\":\"because no identity-based policy allows the s3:PutObject action\"}

decision is Allow, ExplicitDeny or ImplicitDeny; reason is AWS's phrase for
a denial, or null.

A line that cannot be read (bad JSON, a missing or misspelt field, a
malformed policy document) prints, in its place on standard output,

  {\"id\":null,\"line\":N,\"error\":\"...\"}

and the other lines go on; the exit status is then 1.

Options:
  --explain    Also print \"decided_by\" (the policy type that decided) and
               \"trace\" (every policy and statement considered).
  --repeat N   Parse and evaluate every request N times, each time from its
               JSON text; print the decisions once, and print
               `decisions_per_second: X` as the last line of standard error.
  -h, --help   Print this help.

Exit status: 0 when every line was read, 1 when a line was bad, 2 for a usage
error or an unreadable FILE.
";

/// The options of one `iamsim eval` run.
#[derive(Debug, PartialEq)]
struct Options {
    explain: bool,
    repeat: u64,
    input: Option<String>,
}

/// `Ok(None)` means: help was printed.
fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut options = Options {
        explain: false,
        repeat: 1,
        input: None,
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--explain" => options.explain = true,
            "--repeat" => {
                let value = iter
                    .next()
                    .ok_or_else(|| "--repeat needs a number".to_owned())?;
                options.repeat = parse_repeat(value)?;
            }
            s if s.starts_with("--repeat=") => {
                options.repeat = parse_repeat(s.trim_start_matches("--repeat="))?;
            }
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}'")),
            file => {
                if options.input.is_some() {
                    return Err(format!("only one FILE may be given ('{file}')"));
                }
                options.input = Some(file.to_owned());
            }
        }
    }
    Ok(Some(options))
}

fn parse_repeat(value: &str) -> Result<u64, String> {
    match value.parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "--repeat needs a whole number of at least 1, not '{value}'"
        )),
    }
}

fn read_input(input: Option<&str>) -> std::io::Result<String> {
    let mut text = String::new();
    match input {
        None | Some("-") => {
            std::io::stdin().lock().read_to_string(&mut text)?;
        }
        Some(path) => {
            let file = std::fs::File::open(path)?;
            for line in std::io::BufReader::new(file).lines() {
                text.push_str(&line?);
                text.push('\n');
            }
        }
    }
    Ok(text)
}

/// Runs `iamsim eval` with the arguments after `eval`.
pub fn main(args: &[String]) -> ExitCode {
    let options = match parse_args(args) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("iamsim eval: {e}\n");
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match read_input(options.input.as_deref()) {
        Ok(text) => text,
        Err(e) => {
            let name = options.input.as_deref().unwrap_or("-");
            eprintln!("iamsim eval: cannot read {name}: {e}");
            return ExitCode::from(2);
        }
    };
    // (line number, text) of every non-blank line.
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();

    let started = Instant::now();
    let mut outputs = Vec::with_capacity(lines.len());
    let mut bad = false;
    let mut decisions: u64 = 0;
    for &(number, line) in &lines {
        match parse_request_line(line) {
            Ok(request) => {
                decisions += 1;
                outputs.push(evaluate_line(&request).to_json_line(options.explain));
            }
            Err(e) => {
                bad = true;
                outputs.push(error_json_line(number, &e));
            }
        }
    }
    for _ in 1..options.repeat {
        for &(_, line) in &lines {
            if let Ok(request) = parse_request_line(black_box(line)) {
                black_box(evaluate_line(&request).evaluation.decision);
                decisions += 1;
            }
        }
    }
    let elapsed = started.elapsed();

    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in &outputs {
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    let _ = out.flush();
    if options.repeat > 1 || args.iter().any(|a| a.starts_with("--repeat")) {
        let seconds = elapsed.as_secs_f64();
        let rate = if seconds > 0.0 {
            decisions as f64 / seconds
        } else {
            0.0
        };
        eprintln!("decisions_per_second: {rate:.0}");
    }
    if bad {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options() {
        assert_eq!(
            parse_args(&args(&["--explain", "--repeat", "5", "f.jsonl"])),
            Ok(Some(Options {
                explain: true,
                repeat: 5,
                input: Some("f.jsonl".into())
            }))
        );
        assert_eq!(
            parse_args(&args(&["--repeat=2", "-"])),
            Ok(Some(Options {
                explain: false,
                repeat: 2,
                input: Some("-".into())
            }))
        );
        assert_eq!(parse_args(&args(&["--help"])), Ok(None));
        assert_eq!(
            parse_args(&args(&["--repeat", "0"])),
            Err("--repeat needs a whole number of at least 1, not '0'".into())
        );
        assert_eq!(
            parse_args(&args(&["--repeat"])),
            Err("--repeat needs a number".into())
        );
        assert_eq!(
            parse_args(&args(&["--fast"])),
            Err("unknown option '--fast'".into())
        );
        assert_eq!(
            parse_args(&args(&["a", "b"])),
            Err("only one FILE may be given ('b')".into())
        );
    }
}
