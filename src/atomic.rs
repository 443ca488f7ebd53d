//! Atomic file output: write to a temporary file beside the target, then rename,
//! so a reader never sees a half-written file and a failure leaves the old one intact.
//!
//! The temporary file is named `.bitext-PID-XXXXXX.tmp` after the writing
//! process. A run that is killed (even with `SIGKILL`, which no handler can
//! catch) leaves its temporary file behind; the next write into the same
//! directory removes every `.bitext-PID-*.tmp` whose process is gone
//! (checked through `/proc`; where there is no `/proc`, nothing is removed).
//! New files get the usual mode of the system (`0666` less the umask, so
//! `0644` with the common umask), not the `0600` of a temporary file; a file
//! that is replaced keeps its mode.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

const PREFIX: &str = ".bitext-";
const SUFFIX: &str = ".tmp";

/// The process id in a temporary file name of ours, `.bitext-PID-….tmp`.
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    rest.split_once('-')?.0.parse().ok()
}

/// Remove temporary files in `dir` left by runs that no longer exist.
pub fn remove_stale(dir: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        if pid != std::process::id() && !proc.join(pid.to_string()).exists() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Write `path` atomically with whatever `fill` writes.
///
/// ```
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("out.txt");
/// bitext::atomic::write_with(&path, |w| w.write_all(b"hello"))?;
/// assert_eq!(std::fs::read(&path)?, b"hello");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    remove_stale(dir);
    let io = |e| Error::io(path, e);
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{PREFIX}{}-", std::process::id());
    builder.prefix(&prefix).suffix(SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with open(2)'s mode, so the umask applies.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut w).map_err(io)?;
        w.flush().map_err(io)?;
    }
    if let Ok(meta) = std::fs::metadata(path) {
        // Keep the permissions of a file we replace (`lint --fix`).
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Write `bytes` to `path` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

/// Refuse an output path that names one of the `inputs` (the same file by
/// any path or link), or an article file inside an input directory (a later
/// run would read it as input). Nothing is written when this fails.
///
/// ```
/// let dir = tempfile::tempdir()?;
/// let input = dir.path().join("a.txt");
/// std::fs::write(&input, "text")?;
/// assert!(bitext::atomic::refuse_input(&input, &[input.clone()]).is_err());
/// assert!(bitext::atomic::refuse_input(&dir.path().join("out.csv"), &[input]).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn refuse_input(output: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Ok(out) = std::fs::canonicalize(output) else {
        // A file that does not exist yet is nobody's input.
        return Ok(());
    };
    for input in inputs {
        let Ok(inp) = std::fs::canonicalize(input) else {
            continue;
        };
        let named = if inp.is_dir() {
            out.starts_with(&inp) && crate::document::is_article_file(&out)
        } else {
            out == inp
        };
        if named {
            return Err(Error::invalid(
                output,
                format!(
                    "the output would overwrite the input {}; choose another -o",
                    input.display()
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_temporary_files_of_dead_runs_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // No process has id 0x7FFFFFFE on Linux (pid_max is at most 2^22).
        let stale = dir.path().join(".bitext-2147483646-abc.tmp");
        let mine = dir
            .path()
            .join(format!(".bitext-{}-abc.tmp", std::process::id()));
        let other = dir.path().join("keep.tmp");
        for p in [&stale, &mine, &other] {
            std::fs::write(p, "x").unwrap();
        }
        write(&dir.path().join("out.txt"), b"y").unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists());
        }
        assert!(mine.exists() && other.exists());
        assert_eq!(temp_owner(".bitext-12-x.tmp"), Some(12));
        assert_eq!(temp_owner(".bitext-x.tmp"), None);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_honour_the_umask_not_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.html");
        write(&p, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // The same mode as any file the process creates (0666 less the umask).
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        assert_eq!(mode(&p), mode(&plain), "{:o}", mode(&p));
    }
}
