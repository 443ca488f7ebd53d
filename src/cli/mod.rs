//! Command-line front end: parses arguments and calls the library.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// `eprintln!` that never panics: a closed or full standard error loses the
/// message but not the run (its exit code still says what happened).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod align;
mod audit;
mod detect;
mod input;
mod lint;
mod pair;
mod segment;
mod show;

/// Write to `output` atomically, or to standard output.
pub(crate) fn emit(
    output: Option<&std::path::Path>,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => bitext::atomic::write_with(path, fill)?,
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            fill(&mut w)?;
            std::io::Write::flush(&mut w)?;
        }
    }
    Ok(())
}

/// How a run ended. Exit codes: 0 clean, 1 findings (or a score below
/// `--min-score`), 2 an error (unreadable input, bad arguments). The batch
/// always finishes before the exit code is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Nothing to report.
    Ok,
    /// Findings at or above the failure threshold.
    Findings,
    /// An error happened somewhere in the batch.
    Error,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(match s {
            Status::Ok => 0,
            Status::Findings => 1,
            Status::Error => 2,
        })
    }
}

const AFTER_HELP: &str = "\
Exit codes: 0 ok, 1 findings (lint/audit) or a batch score below --min-score, 2 errors
(unreadable or malformed input, bad arguments). A bad file is reported on stderr and the
rest of the batch goes on; the exit code says an error happened.

Main job: bitext align corpora/en corpora/ko -o parallel.csv";

/// Translation quality and bilingual alignment for Korean–English text.
#[derive(Parser, Debug)]
#[command(name = "bitext", version, about, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Worker threads (default: one per core). Output does not depend on it;
    /// use 1 when an engine already runs one bitext per core.
    #[arg(long, global = true, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Subcommand, Debug)]
enum Command {
    Show(show::Args),
    Segment(segment::Args),
    Detect(detect::Args),
    Lint(lint::Args),
    Explain(lint::ExplainArgs),
    Align(align::Args),
    Pair(pair::Args),
    Audit(audit::Args),
}

/// Parse the command line and run the subcommand.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.threads {
        if n == 0 {
            eprintln!("bitext: --threads must be at least 1");
            return Status::Error.into();
        }
        // The global pool is not built yet: nothing has run in parallel.
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            eprintln!("bitext: cannot start {n} threads: {e}");
            return Status::Error.into();
        }
    }
    let result = match cli.command {
        Command::Show(a) => show::run(a),
        Command::Segment(a) => segment::run(a),
        Command::Detect(a) => detect::run(a),
        Command::Lint(a) => lint::run(a),
        Command::Explain(a) => lint::explain(a),
        Command::Align(a) => align::run(a),
        Command::Pair(a) => pair::run(a),
        Command::Audit(a) => audit::run(a),
    };
    match result {
        Ok(status) => status.into(),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            say!("bitext: {e:#}");
            Status::Error.into()
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}
