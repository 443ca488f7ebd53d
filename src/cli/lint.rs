//! `bitext lint` and `bitext explain`.

use super::Status;

/// Arguments of `bitext lint`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Inputs.
    pub paths: Vec<std::path::PathBuf>,
}

/// Arguments of `bitext explain`.
#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// A code such as BT101, or a category such as html_entity.
    pub code: String,
}

/// Run `bitext lint`.
pub fn run(_args: Args) -> anyhow::Result<Status> {
    anyhow::bail!("lint is not available yet")
}

/// Run `bitext explain`.
pub fn explain(args: ExplainArgs) -> anyhow::Result<Status> {
    let codes = bitext::diagnostic::Code::parse(&args.code);
    if codes.is_empty() {
        anyhow::bail!("unknown code or category `{}`", args.code);
    }
    for c in codes {
        println!(
            "{c} {} ({}, {})\n\n{}\n",
            c.title(),
            c.category(),
            c.severity().as_str(),
            c.explanation()
        );
    }
    Ok(Status::Ok)
}
