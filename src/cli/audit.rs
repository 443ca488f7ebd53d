//! `bitext audit`.

use super::Status;

/// Arguments of `bitext audit`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Inputs.
    pub paths: Vec<std::path::PathBuf>,
}

/// Run `bitext audit`.
pub fn run(_args: Args) -> anyhow::Result<Status> {
    anyhow::bail!("audit is not available yet")
}
