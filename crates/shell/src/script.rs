//! Running a script and printing its transcript (used by `iamsim run` and the
//! golden transcript tests).

use iamsim_engine::world::World;

use crate::Shell;

/// Joins lines ending in a backslash with the next one.
pub fn logical_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            continue;
        }
        pending.push_str(line);
        lines.push(std::mem::take(&mut pending));
    }
    if !pending.is_empty() {
        lines.push(pending);
    }
    lines
}

/// Runs `script` line by line on `World::new(seed)` and returns the transcript:
/// each command after its prompt, then what it printed (standard output and
/// error in order). A command left open (a quote, `$(`, a trailing `&&`)
/// continues on the next line, shown after `> ` as bash does. Blank lines are
/// skipped; output that does not end in a new line gets one, so the next prompt
/// starts a line.
pub fn transcript(script: &str, seed: u64) -> String {
    transcript_with(script, seed, true)
}

/// [`transcript`], with continuation lines on or off (off: each line runs alone,
/// as the browser terminal runs what is typed before Enter).
pub fn transcript_with(script: &str, seed: u64, continuation: bool) -> String {
    let mut world = World::new(seed);
    let mut shell = Shell::new(&world);
    let mut text = String::new();
    let mut lines = logical_lines(script).into_iter();
    while let Some(first) = lines.next() {
        if first.trim().is_empty() {
            continue;
        }
        text.push_str(&shell.prompt());
        text.push_str(&first);
        text.push('\n');
        let mut command = first;
        while continuation && crate::parse::needs_more(&command) {
            let Some(next) = lines.next() else { break };
            text.push_str("> ");
            text.push_str(&next);
            text.push('\n');
            command.push('\n');
            command.push_str(&next);
        }
        let output = shell.run_line(&mut world, &command);
        text.push_str(&output.combined);
        if !output.combined.is_empty() && !output.combined.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}
