//! The `bitext` command: argument parsing only; the work is in the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
