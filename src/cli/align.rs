//! `bitext align`.

use super::Status;

/// Arguments of `bitext align`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Inputs.
    pub paths: Vec<std::path::PathBuf>,
}

/// Run `bitext align`.
pub fn run(_args: Args) -> anyhow::Result<Status> {
    anyhow::bail!("align is not available yet")
}
