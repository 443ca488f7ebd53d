//! Running the `bitext` binary in tests.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub fn bitext() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bitext"))
}

/// Run `bitext ARGS` and capture everything.
pub fn run(args: &[&str]) -> Output {
    bitext()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run bitext")
}

/// Run `bitext ARGS` with `stdin` as standard input.
pub fn run_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = bitext()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn bitext");
    // A command that rejects its arguments exits before reading its input.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().expect("wait bitext")
}

/// Exit code of a finished run.
pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A path under the repository root, as a string.
pub fn repo_path(rel: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

/// Write `bytes` to `dir/name` and return the path as a string.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}
