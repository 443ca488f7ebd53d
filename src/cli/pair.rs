//! `bitext pair`.

use super::Status;

/// Arguments of `bitext pair`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Inputs.
    pub paths: Vec<std::path::PathBuf>,
}

/// Run `bitext pair`.
pub fn run(_args: Args) -> anyhow::Result<Status> {
    anyhow::bail!("pair is not available yet")
}
