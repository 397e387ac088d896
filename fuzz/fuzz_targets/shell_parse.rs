//! The shell's parser, then the whole line (expansion, built-ins, the AWS CLI,
//! curl) on a fresh world, on arbitrary bytes: neither may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    let _ = iamsim_shell::parse::parse(&line);
    if line.len() <= 512 {
        let mut world = iamsim_engine::world::World::new(0);
        let mut shell = iamsim_shell::Shell::new(&world);
        let _ = shell.run_line(&mut world, &line);
    }
});
